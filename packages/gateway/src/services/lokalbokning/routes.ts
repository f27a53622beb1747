import { accessibilityFacts, maxAvailabilityDays, operations, problemMediaType, problemTitles, problemTypes, type FieldError, type SlotTaken } from '@kommunkit/contract';
import type { FastifyReply } from 'fastify';
import ical, { ICalEventStatus } from 'ical-generator';
import type { SessionStore } from '../../auth/sessions.js';
import type { ResolvedConfig } from '../../config/load.js';
import type { KommunConfig } from '../../config/schema.js';
import { BodyCache, jsonBody, pageVariant, sendCached } from '../../http/cached-body.js';
import { requireBearerKey, requireCitizen, requireService } from '../../http/guards.js';
import { idempotencyKeyOf, isStorableDate, storableYears } from '../../http/hygiene.js';
import { numberedPage, pageRequest } from '../../http/pagination.js';
import { HttpProblem } from '../../http/problem.js';
import { anonymousWrite } from '../../http/rate-limits.js';
import type { Gateway } from '../../types.js';
import { BookingRefused, type Lokalbokning, type SlotTimes } from './domain.js';
import { toBooking, toLokal, toLokalSummary, toSeasonRequest } from './mapping.js';
import type { LokalEntry } from './settings.js';
import type { StoredBooking, StoredSeasonRequest } from './store.js';
import { daysBetween, isRealDate, toOffsetIso } from './time.js';

const caseWorkerDetail = 'Ange kommunens nyckel för handläggare av lokalbokning: Authorization: Bearer <nyckel>.';

const invalid = (errors: FieldError[]): HttpProblem => new HttpProblem(400, problemTypes.validation, undefined, errors);

/** An instant the contract's date-time format let through, checked for what JavaScript and PostgreSQL can hold. */
function instant(value: string, pointer: string): Date {
  const date = new Date(value);
  if (!isStorableDate(date)) throw invalid([{ pointer, detail: `Ange en tidpunkt mellan år ${String(storableYears.min)} och ${String(storableYears.max)}, till exempel 2026-12-24T12:00:00+01:00.` }]);
  return date;
}

const slot = ({ start, end }: SlotTimes) => ({ start: toOffsetIso(start), end: toOffsetIso(end) });

/** Runs a use case with its refusals in the contract's words. */
async function inProblemWords<Result>(reply: FastifyReply, work: () => Promise<Result>): Promise<Result | FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof BookingRefused)) throw error;
    switch (error.kind) {
      case 'invalid':
        throw new HttpProblem(400, problemTypes.validation, error.message, error.errors);
      case 'rule':
        throw new HttpProblem(422, problemTypes.validation, error.message, error.errors);
      case 'idempotency':
        throw new HttpProblem(422, problemTypes.conflict, error.message, error.errors);
      case 'forbidden':
        throw new HttpProblem(403, problemTypes.forbidden, error.message, error.errors);
      case 'conflict':
        throw new HttpProblem(409, problemTypes.conflict, error.message);
      case 'taken': {
        const body: SlotTaken = { type: problemTypes.conflict, title: problemTitles[problemTypes.conflict], status: 409, detail: error.message, alternatives: (error.alternatives ?? []).map(slot) };
        return reply.code(409).type(problemMediaType).serializer(JSON.stringify).send(body);
      }
    }
  }
}

/**
 * Lokalbokning's contract operations: public reads of lokaler and free times, the logged-in
 * citizen's bookings and season requests (anyone else's are a 404), the private calendar feed,
 * and the case workers' decisions with the kommun's key.
 */
export function lokalbokningRoutes(app: Gateway, { config, sessions, lokalbokning }: { config: ResolvedConfig; sessions: SessionStore; lokalbokning: Lokalbokning }): void {
  const rateLimit = anonymousWrite(config);
  // Lokaler are configuration (the kommun's file, or what its system hands out): their public reads are sent as bytes made once per list and lokal.
  const lokalerBodies = new BodyCache<readonly LokalEntry[]>();
  const lokalBodies = new BodyCache<LokalEntry>();
  const lokalOr404 = (kommun: KommunConfig, id: string): LokalEntry => {
    const lokal = lokalbokning.lokal(kommun, id);
    if (!lokal) throw new HttpProblem(404, problemTypes.notFound, `Det finns ingen lokal med id ${id}.`);
    return lokal;
  };
  const lokalName = (kommun: KommunConfig, id: string): string => lokalbokning.lokal(kommun, id)?.name ?? id;
  const booking = (kommun: KommunConfig, row: StoredBooking) => toBooking(row, lokalName(kommun, row.lokal_id));
  const seasonRequest = (kommun: KommunConfig, row: StoredSeasonRequest) => {
    const lokal = lokalbokning.lokal(kommun, row.lokal_id);
    const price = lokal ? lokalbokning.seasonPrice(lokal, row) : { customerType: 'forening' as const, perHourOre: 0, netOre: 0, vatOre: 0, totalOre: 0, vatPercent: 0 };
    return toSeasonRequest(row, lokal?.name ?? row.lokal_id, price);
  };
  const notYours = () => new HttpProblem(404, problemTypes.notFound, 'Det finns ingen bokning med det id:t som du kan se eller ändra.');
  const calendar = (kommun: KommunConfig, rows: readonly StoredBooking[], name: string) => {
    const cal = ical({ name, prodId: { company: 'kommunkit', product: 'lokalbokning', language: 'SV' } });
    for (const row of rows) {
      const lokal = lokalbokning.lokal(kommun, row.lokal_id);
      cal.createEvent({
        id: `${row.id}@kommunkit.${kommun.id}`,
        start: row.start_at,
        end: row.end_at,
        stamp: row.created_at,
        summary: `${lokal?.name ?? row.lokal_id}: ${row.purpose}`,
        description: `Bokning ${row.reference} hos ${kommun.name}.${row.status === 'preliminar' ? ' Preliminär: väntar på besked från kommunen.' : ''}`,
        ...(lokal ? { location: lokal.address } : {}),
        status: row.status === 'bekraftad' ? ICalEventStatus.CONFIRMED : row.status === 'preliminar' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CANCELLED,
      });
    }
    return cal.toString();
  };

  app.route({
    ...operations.listLokaler,
    handler: async (request, reply) => {
      const { kommun } = requireService(request, 'lokalbokning');
      const { type, minCapacity, facts, q, freeFrom, freeTo } = request.query;
      const page = pageRequest(request.query, 'number');
      const errors: FieldError[] = [];
      const wanted = facts === undefined ? [] : facts.split(',').map((fact) => fact.trim());
      if (wanted.some((fact) => !(accessibilityFacts as readonly string[]).includes(fact))) errors.push({ pointer: '/querystring/facts', detail: `Ange en eller flera av ${accessibilityFacts.join(', ')}, åtskilda med kommatecken.` });
      let free: SlotTimes | undefined;
      if ((freeFrom === undefined) !== (freeTo === undefined)) errors.push({ pointer: `/querystring/${freeFrom === undefined ? 'freeFrom' : 'freeTo'}`, detail: 'Ange både freeFrom och freeTo, eller ingen av dem.' });
      else if (freeFrom !== undefined && freeTo !== undefined) {
        const start = instant(freeFrom, '/querystring/freeFrom');
        const end = instant(freeTo, '/querystring/freeTo');
        if (end <= start) errors.push({ pointer: '/querystring/freeTo', detail: 'Sluttiden måste vara efter starttiden.' });
        else free = { start, end };
      }
      if (errors.length > 0) throw invalid(errors);
      const list = async () => {
        const found = await lokalbokning.search(kommun, { type, minCapacity, q, facts: wanted, ...(free ? { free } : {}) });
        return numberedPage(found.slice(page.offset, page.offset + page.pageSize).map(toLokalSummary), page, found.length);
      };
      // Unfiltered, the list is the lokaler's config alone: serialised once per page that has lokaler on it.
      const lokaler = lokalbokning.lokaler(kommun);
      const unfiltered = type === undefined && minCapacity === undefined && facts === undefined && q === undefined && freeFrom === undefined && freeTo === undefined;
      const variant = unfiltered ? pageVariant(page, lokaler.length) : undefined;
      if (variant === undefined) return list();
      return sendCached(request, reply, await lokalerBodies.get(lokaler, variant, async () => jsonBody(reply.serialize(await list()))));
    },
  });

  app.route({
    ...operations.getLokal,
    handler: (request, reply) => {
      const { kommun } = requireService(request, 'lokalbokning');
      const lokal = lokalOr404(kommun, request.params.id);
      sendCached(request, reply, lokalBodies.get(lokal, '', () => jsonBody(reply.serialize(toLokal(lokal)))));
    },
  });

  app.route({
    ...operations.getAvailability,
    handler: async (request) => {
      const { kommun } = requireService(request, 'lokalbokning');
      const lokal = lokalOr404(kommun, request.params.id);
      const { from, to } = request.query;
      const errors: FieldError[] = [];
      for (const [key, value] of [['from', from], ['to', to]] as const) if (!isRealDate(value) || value < '1970') errors.push({ pointer: `/querystring/${key}`, detail: `${value} är inget datum som finns.` });
      if (errors.length === 0) {
        if (to < from) errors.push({ pointer: '/querystring/to', detail: 'Slutdatumet kan inte vara före startdatumet.' });
        else if (daysBetween(from, to) + 1 > maxAvailabilityDays) errors.push({ pointer: '/querystring/to', detail: `Högst ${String(maxAvailabilityDays)} dagar åt gången.` });
      }
      if (errors.length > 0) throw invalid(errors);
      const { slots, closedDates, nextFree } = await lokalbokning.availability(kommun, lokal, from, to);
      return { lokalId: lokal.id, from, to, timeZone: 'Europe/Stockholm' as const, slotMinutes: lokal.rules.startIntervalMinutes, slots: slots.map(slot), closedDates, nextFree: nextFree && slot(nextFree) };
    },
  });

  app.route({
    ...operations.listMyForeningar,
    handler: async (request) => {
      const { kommun } = requireService(request, 'lokalbokning');
      const session = await requireCitizen(request, sessions);
      return { foreningar: await lokalbokning.foreningar(kommun, session.subject) };
    },
  });

  app.route({
    ...operations.createBooking,
    config: { rateLimit },
    handler: async (request, reply) => {
      const { kommun, settings } = requireService(request, 'lokalbokning');
      const session = await requireCitizen(request, sessions);
      const start = instant(request.body.start, '/body/start');
      const end = instant(request.body.end, '/body/end');
      if (end <= start) throw new HttpProblem(422, problemTypes.validation, undefined, [{ pointer: '/body/end', detail: 'Sluttiden måste vara efter starttiden.' }]);
      const result = await inProblemWords(reply, () => lokalbokning.book(kommun, settings, session.subject, request.body, idempotencyKeyOf(request)));
      if (!('booking' in result)) return result;
      return reply.code(201).send(toBooking(result.booking, result.lokal.name));
    },
  });

  app.route({
    ...operations.listMyBookings,
    handler: async (request) => {
      const { kommun } = requireService(request, 'lokalbokning');
      const session = await requireCitizen(request, sessions);
      const page = pageRequest(request.query, 'number');
      const { items, total } = await lokalbokning.mine(kommun, session.subject, page);
      return numberedPage(items.map((row) => booking(kommun, row)), page, total);
    },
  });

  app.route({
    ...operations.getMyBooking,
    handler: async (request) => {
      const { kommun } = requireService(request, 'lokalbokning');
      const session = await requireCitizen(request, sessions);
      const row = await lokalbokning.own(kommun, request.params.id, session.subject);
      if (!row) throw notYours();
      return booking(kommun, row);
    },
  });

  app.route({
    ...operations.cancelBooking,
    config: { rateLimit },
    handler: async (request, reply) => {
      const { kommun } = requireService(request, 'lokalbokning');
      const session = await requireCitizen(request, sessions);
      const row = await inProblemWords(reply, () => lokalbokning.cancel(kommun, request.params.id, session.subject));
      if (row === undefined) throw notYours();
      return 'id' in row ? booking(kommun, row) : row;
    },
  });

  app.route({
    ...operations.bookingCalendar,
    handler: async (request, reply) => {
      const { kommun } = requireService(request, 'lokalbokning');
      const session = await requireCitizen(request, sessions);
      const row = await lokalbokning.own(kommun, request.params.id, session.subject);
      if (!row) throw notYours();
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="bokning-${row.reference}.ics"`)
        .serializer(String)
        .send(calendar(kommun, [row], `Bokning ${row.reference}`));
    },
  });

  app.route({
    ...operations.createCalendarFeed,
    config: { rateLimit },
    handler: async (request, reply) => {
      const { kommun } = requireService(request, 'lokalbokning');
      const session = await requireCitizen(request, sessions);
      const token = await lokalbokning.newFeed(kommun, session.subject);
      return reply.code(201).send({ url: `${config.publicUrl}/api/v1/${kommun.id}/lokalbokning/calendar-feed/${token}.ics` });
    },
  });

  app.route({
    ...operations.calendarFeed,
    handler: async (request, reply) => {
      const { kommun } = requireService(request, 'lokalbokning');
      const rows = await lokalbokning.feed(kommun, request.params.token.replace(/\.ics$/, ''));
      if (!rows) throw new HttpProblem(404, problemTypes.notFound, 'Kalenderadressen finns inte, eller har ersatts av en ny.');
      return reply.type('text/calendar; charset=utf-8').serializer(String).send(calendar(kommun, rows, `Mina bokningar, ${kommun.name}`));
    },
  });

  app.route({
    ...operations.previewSeasonRequest,
    handler: async (request, reply) => {
      const { kommun } = requireService(request, 'lokalbokning');
      const session = await requireCitizen(request, sessions);
      const result = await inProblemWords(reply, () => lokalbokning.previewSeason(kommun, session.subject, request.body));
      if (!('occurrences' in result)) return result;
      return {
        occurrences: result.occurrences.map((occurrence) => ({ ...slot(occurrence), conflict: occurrence.conflict, ...(occurrence.reason ? { reason: occurrence.reason } : {}), status: 'begard' as const })),
        price: result.price,
      };
    },
  });

  app.route({
    ...operations.createSeasonRequest,
    config: { rateLimit },
    handler: async (request, reply) => {
      const { kommun, settings } = requireService(request, 'lokalbokning');
      const session = await requireCitizen(request, sessions);
      const result = await inProblemWords(reply, () => lokalbokning.requestSeason(kommun, settings, session.subject, request.body, idempotencyKeyOf(request)));
      if (!('request' in result)) return result;
      return reply.code(201).send(toSeasonRequest(result.request, result.lokal.name, result.price));
    },
  });

  app.route({
    ...operations.listMySeasonRequests,
    handler: async (request) => {
      const { kommun } = requireService(request, 'lokalbokning');
      const session = await requireCitizen(request, sessions);
      return { items: (await lokalbokning.seasonRequestsOf(kommun, session.subject)).map((row) => seasonRequest(kommun, row)) };
    },
  });

  app.route({
    ...operations.decideBooking,
    config: { keyAuthenticated: true },
    handler: async (request, reply) => {
      const { kommun, settings } = requireService(request, 'lokalbokning');
      requireBearerKey(request, settings.caseWorkerApiKey, caseWorkerDetail);
      const row = await inProblemWords(reply, () => lokalbokning.decide(kommun, request.params.id, request.body.decision, request.body.note));
      if (row === undefined) throw new HttpProblem(404, problemTypes.notFound, 'Det finns ingen bokning med det id:t.');
      return 'id' in row ? booking(kommun, row) : row;
    },
  });

  app.route({
    ...operations.listSeasonRequests,
    config: { keyAuthenticated: true },
    handler: async (request) => {
      const { kommun, settings } = requireService(request, 'lokalbokning');
      requireBearerKey(request, settings.caseWorkerApiKey, caseWorkerDetail);
      return { items: (await lokalbokning.undecidedSeasonRequests(kommun)).map((row) => seasonRequest(kommun, row)) };
    },
  });

  app.route({
    ...operations.decideSeasonRequest,
    config: { keyAuthenticated: true },
    handler: async (request, reply) => {
      const { kommun, settings } = requireService(request, 'lokalbokning');
      requireBearerKey(request, settings.caseWorkerApiKey, caseWorkerDetail);
      const { approve, note } = request.body;
      if (approve !== 'all') approve.forEach((start, index) => instant(start, `/body/approve/${String(index)}`));
      const row = await inProblemWords(reply, () => lokalbokning.decideSeason(kommun, settings, request.params.id, approve, note));
      if (row === undefined) throw new HttpProblem(404, problemTypes.notFound, 'Det finns ingen säsongsansökan med det id:t.');
      return 'id' in row ? seasonRequest(kommun, row) : row;
    },
  });
}
