import {
  activeBookingStatuses,
  alternativesOffered,
  cancellableUntil,
  idempotencyHeader,
  maxAvailabilityDays,
  maxSeasonWeeks,
  priceFor,
  type BookingPrice,
  type FieldError,
  type Forening,
  type LokalerQuery,
  type NewBooking,
  type NewSeasonRequest,
  type SeasonOccurrence,
} from '@kommunkit/contract';
import type { CustomerType } from '@kommunkit/contract/lokalbokning-rules';
import { createHash, randomBytes } from 'node:crypto';
import type { KommunConfig } from '../../config/schema.js';
import { IdempotencyConflict, requestHash } from '../../http/idempotency.js';
import { bufferedRange, checkBookingTime, freeSlots, nearestFree, overlaps, seasonOccurrences } from './availability.js';
import type { LokalbokningBackend } from './backend.js';
import type { LokalEntry, LokalbokningSettings } from './settings.js';
import { SlotTaken, TooManyActive, type BookingStore, type NewBookingRow, type StoredBooking, type StoredSeasonRequest, type TakenRange } from './store.js';
import { addDays, daysBetween, isRealDate, localDateOf, toOffsetIso } from './time.js';

/** A free time, as the gateway answers it. */
export interface SlotTimes {
  start: Date;
  end: Date;
}

/**
 * What the rules refuse, in the contract's words: `invalid` (400, a malformed value), `rule`
 * (422, a booking rule broken), `forbidden` (403: not the citizen's förening), `taken` (409 with
 * alternatives), `conflict` (409: not in a state for this), `idempotency` (422).
 */
export class BookingRefused extends Error {
  override name = 'BookingRefused';
  constructor(
    readonly kind: 'invalid' | 'rule' | 'forbidden' | 'taken' | 'conflict' | 'idempotency',
    message: string,
    readonly errors?: FieldError[],
    readonly alternatives?: SlotTimes[],
  ) {
    super(message);
  }
}

const refuse = (kind: BookingRefused['kind'], pointer: string | undefined, detail: string): BookingRefused =>
  new BookingRefused(kind, detail, pointer ? [{ pointer, detail }] : undefined);

const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
/** "tisdag 8 december 2026 kl. 18:00", in Swedish local time. */
export const swedishDateTime = (at: Date): string => dateTimeFormat.format(at).replace(/(?<!kl\.) (\d{2}:\d{2})$/, ' kl. $1');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

const takenMessage = 'Tiden bokades precis av någon annan. Välj en av de närmaste lediga tiderna, eller en annan tid.';

/** The statuses whose time is held. */
const isActive = (status: string): boolean => (activeBookingStatuses as readonly string[]).includes(status);

export interface Clock {
  now(): Date;
}

/**
 * Lokalbokning's use cases: find lokaler and their free times, book (the database refuses a
 * collision), cancel, decide, calendars and season requests. No HTTP here.
 */
export class Lokalbokning {
  constructor(
    private readonly store: BookingStore,
    private readonly backendFor: (kommun: KommunConfig) => LokalbokningBackend,
    private readonly clock: Clock = { now: () => new Date() },
  ) {}

  lokaler(kommun: KommunConfig): readonly LokalEntry[] {
    return this.backendFor(kommun).lokaler();
  }

  lokal(kommun: KommunConfig, id: string): LokalEntry | undefined {
    return this.lokaler(kommun).find((lokal) => lokal.id === id);
  }

  /** The lokaler that match the filters, by name; with a span, only those bookable for the whole of it. */
  async search(kommun: KommunConfig, query: Omit<LokalerQuery, 'page' | 'pageSize' | 'cursor' | 'facts' | 'freeFrom' | 'freeTo'> & { facts: string[]; free?: SlotTimes }): Promise<LokalEntry[]> {
    const words = (query.q ?? '').toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
    const matching = this.lokaler(kommun).filter((lokal) => {
      if (query.type && lokal.type !== query.type) return false;
      if (query.minCapacity !== undefined && lokal.capacity < query.minCapacity) return false;
      if (!query.facts.every((fact) => (lokal.accessibility as string[]).includes(fact))) return false;
      const text = `${lokal.name} ${lokal.summary} ${lokal.address}`.toLocaleLowerCase('sv');
      return words.every((word) => text.includes(word));
    });
    const { free } = query;
    const now = this.clock.now();
    const bookable: LokalEntry[] = [];
    for (const lokal of matching) {
      if (free) {
        if (checkBookingTime(lokal.rules, free.start, free.end, now)) continue;
        const range = bufferedRange(lokal.rules, free.start, free.end);
        if ((await this.store.taken(kommun.id, lokal.id, range.start, range.end)).length > 0) continue;
      }
      bookable.push(lokal);
    }
    return bookable.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }

  /** The active bookings' buffered ranges that touch the days from `from` to `to`, with a day's margin for buffers. */
  private takenAround(kommun: KommunConfig, lokal: LokalEntry, from: string, to: string): Promise<TakenRange[]> {
    return this.store.taken(kommun.id, lokal.id, new Date(`${addDays(from, -1)}T00:00:00Z`), new Date(`${addDays(to, 2)}T00:00:00Z`));
  }

  /** A lokal's free slots from `from` to `to` (inclusive, Stockholm dates), its closed dates and the next free slot. */
  async availability(kommun: KommunConfig, lokal: LokalEntry, from: string, to: string): Promise<{ slots: SlotTimes[]; closedDates: { date: string; reason: string }[]; nextFree: SlotTimes | null }> {
    const now = this.clock.now();
    const taken = await this.takenAround(kommun, lokal, from, to);
    const { slots, closedDates } = freeSlots(lokal.rules, from, to, taken, now);
    return { slots, closedDates, nextFree: await this.nextFree(kommun, lokal, now, slots) };
  }

  /** The first free slot from now within the booking window: a week at a time (most lokaler have one within days). */
  private async nextFree(kommun: KommunConfig, lokal: LokalEntry, now: Date, known: readonly SlotTimes[]): Promise<SlotTimes | null> {
    const first = known.find((slot) => slot.start >= now);
    const today = localDateOf(now);
    const last = addDays(today, lokal.rules.bookAheadDays);
    for (let from = today; from <= last; from = addDays(from, 7)) {
      const to = [addDays(from, 6), last].sort()[0]!;
      if (first && localDateOf(first.start) < from) return first;
      const found = freeSlots(lokal.rules, from, to, await this.takenAround(kommun, lokal, from, to), now).slots[0];
      if (found) return first && first.start < found.start ? first : found;
    }
    return first ?? null;
  }

  foreningar(kommun: KommunConfig, subject: string): Promise<Forening[]> {
    return this.backendFor(kommun).foreningarOf(subject);
  }

  private async represented(kommun: KommunConfig, subject: string, orgnr: string, pointer: string): Promise<Forening> {
    const forening = (await this.foreningar(kommun, subject)).find((candidate) => candidate.organisationsnummer === orgnr);
    if (!forening) throw refuse('forbidden', pointer, `Du företräder inte föreningen med organisationsnummer ${orgnr}, så du kan inte boka för den.`);
    return forening;
  }

  /** The price of a span of `minutes` for a customer type, from the lokal's price list. */
  price(lokal: LokalEntry, customerType: CustomerType, minutes: number): BookingPrice {
    const row = lokal.prices.find((price) => price.customerType === customerType);
    if (!row) throw refuse('rule', '/body/lokalId', `${lokal.name} kan inte bokas som ${customerType === 'forening' ? 'förening' : 'privatperson'}.`);
    return { customerType, perHourOre: row.perHourOre, ...priceFor(row.perHourOre, minutes, row.vatPercent) };
  }

  /**
   * Books a time. Every rule is checked here; the collision is not: the database refuses an
   * overlap with any active booking (buffers included), and the loser gets the nearest free
   * times. A repeat of a request (same key, same content, same person) gets the first booking.
   */
  async book(kommun: KommunConfig, settings: LokalbokningSettings, subject: string, body: NewBooking, idempotencyKey: string | undefined): Promise<{ booking: StoredBooking; lokal: LokalEntry; created: boolean }> {
    const hash = requestHash([subject, JSON.stringify(body)]);
    const repeat = async (): Promise<StoredBooking | undefined> => {
      const earlier = idempotencyKey ? await this.store.byIdempotencyKey(kommun.id, subject, idempotencyKey) : undefined;
      if (earlier && earlier.request_hash !== hash) throw refuse('idempotency', `/headers/${idempotencyHeader}`, new IdempotencyConflict().message);
      return earlier;
    };
    const lokal = this.lokal(kommun, body.lokalId);
    if (!lokal) throw refuse('rule', '/body/lokalId', `Det finns ingen lokal med id ${body.lokalId}.`);
    const earlier = await repeat();
    if (earlier) return { booking: earlier, lokal, created: false };
    const start = new Date(body.start);
    const end = new Date(body.end);
    const now = this.clock.now();
    const broken = checkBookingTime(lokal.rules, start, end, now);
    if (broken) throw refuse('rule', broken.pointer, broken.detail);
    if (body.attendees !== undefined && body.attendees > lokal.capacity) throw refuse('rule', '/body/attendees', `${lokal.name} tar högst ${String(lokal.capacity)} personer.`);
    const forening = body.forening === undefined ? undefined : await this.represented(kommun, subject, body.forening, '/body/forening');
    const customerType: CustomerType = forening ? 'forening' : 'privatperson';
    const price = this.price(lokal, customerType, (end.getTime() - start.getTime()) / 60_000);
    const row: NewBookingRow = {
      lokalId: lokal.id,
      subject,
      forening,
      customerType,
      start,
      end,
      buffered: bufferedRange(lokal.rules, start, end),
      status: lokal.rules.approval === 'instant' ? 'bekraftad' : 'preliminar',
      purpose: body.purpose.trim() || body.purpose,
      attendees: body.attendees,
      price,
      cancellableUntil: cancellableUntil(start, lokal.rules.cancelBeforeHours),
      idempotencyKey,
      requestHash: hash,
    };
    let booking: StoredBooking;
    try {
      booking = await this.store.insert(kommun.id, settings.referencePrefix, row, { maxActive: lokal.rules.maxActiveBookings, now });
    } catch (error) {
      if (error instanceof TooManyActive) {
        const most = lokal.rules.maxActiveBookings;
        throw refuse('rule', '/body/lokalId', `Du har redan ${String(most)} ${most === 1 ? 'kommande bokning' : 'kommande bokningar'} av ${lokal.name}, och fler än så går inte att ha samtidigt. Avboka en av dem, eller boka igen när en har passerat.`);
      }
      if (error instanceof SlotTaken) {
        const taken = await this.takenAround(kommun, lokal, localDateOf(start), addDays(localDateOf(start), 14));
        const alternatives = nearestFree(lokal.rules, { start, end }, taken, now, alternativesOffered);
        throw new BookingRefused('taken', takenMessage, undefined, alternatives);
      }
      // Two requests with one key raced: the loser answers with the winner's booking.
      const winner = await repeat();
      if (winner) return { booking: winner, lokal, created: false };
      throw error;
    }
    await this.backendFor(kommun).accepted(booking);
    return { booking, lokal, created: true };
  }

  /** One of the person's own bookings; undefined for anyone else's. */
  async own(kommun: KommunConfig, id: string, subject: string): Promise<StoredBooking | undefined> {
    const booking = await this.store.byId(kommun.id, id);
    return booking?.subject === subject ? booking : undefined;
  }

  mine(kommun: KommunConfig, subject: string, page: { offset: number; pageSize: number }) {
    return this.store.mine(kommun.id, subject, this.clock.now(), page);
  }

  /** The owner cancels before the deadline; undefined when the booking is not theirs. */
  async cancel(kommun: KommunConfig, id: string, subject: string): Promise<StoredBooking | undefined> {
    const booking = await this.own(kommun, id, subject);
    if (!booking) return undefined;
    if (!isActive(booking.status)) throw refuse('conflict', undefined, booking.status === 'avbokad' ? 'Bokningen är redan avbokad.' : 'Kommunen har avböjt bokningen, så den behöver inte avbokas.');
    if (booking.cancellable_until === null) throw refuse('conflict', undefined, 'Den här bokningen kan inte avbokas här. Kontakta kommunen och ange bokningens referens.');
    if (this.clock.now() > booking.cancellable_until) {
      throw refuse('conflict', undefined, `Sista tid att avboka var ${swedishDateTime(booking.cancellable_until)}. Kontakta kommunen och ange bokningens referens om du inte kan komma.`);
    }
    const cancelled = await this.store.changeStatus(kommun.id, id, activeBookingStatuses, 'avbokad', 'Avbokad av den som bokade.');
    if (!cancelled) throw refuse('conflict', undefined, 'Bokningen är redan avbokad.');
    await this.backendFor(kommun).accepted(cancelled);
    return cancelled;
  }

  /** A case worker's decision on a preliminary booking; undefined for an unknown one. */
  async decide(kommun: KommunConfig, id: string, decision: 'bekraftad' | 'avbojd', note: string | undefined): Promise<StoredBooking | undefined> {
    const booking = await this.store.byId(kommun.id, id);
    if (!booking) return undefined;
    const changed = await this.store.changeStatus(kommun.id, id, ['preliminar'], decision, note ?? null);
    if (!changed) throw refuse('conflict', undefined, `Bokningen är inte preliminär längre (den är ${booking.status}), så den kan inte beslutas.`);
    await this.backendFor(kommun).accepted(changed);
    return changed;
  }

  // Calendar feeds.

  /** A new private feed token for the person (the last one stops working); only its hash is stored. */
  async newFeed(kommun: KommunConfig, subject: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.store.replaceFeed(kommun.id, subject, hashToken(token));
    return token;
  }

  /** The active, not yet ended bookings of the feed's owner; undefined for an unknown token. */
  async feed(kommun: KommunConfig, token: string): Promise<StoredBooking[] | undefined> {
    const subject = await this.store.feedSubject(kommun.id, hashToken(token));
    return subject === undefined ? undefined : this.store.activeOf(kommun.id, subject, new Date(this.clock.now().getTime() - 30 * 86_400_000));
  }

  // Season requests.

  /** The occurrences a season request asks for, each with its conflict, and the price of one. */
  async previewSeason(kommun: KommunConfig, subject: string, body: NewSeasonRequest): Promise<{ lokal: LokalEntry; forening: Forening; occurrences: (SlotTimes & Pick<SeasonOccurrence, 'conflict' | 'reason'>)[]; price: BookingPrice }> {
    const lokal = this.lokal(kommun, body.lokalId);
    if (!lokal) throw refuse('rule', '/body/lokalId', `Det finns ingen lokal med id ${body.lokalId}.`);
    for (const key of ['fromDate', 'toDate'] as const) if (!isRealDate(body[key])) throw refuse('invalid', `/body/${key}`, `${body[key]} är inget datum som finns.`);
    if (body.toDate < body.fromDate) throw refuse('invalid', '/body/toDate', 'Slutdatumet kan inte vara före startdatumet.');
    if (daysBetween(body.fromDate, body.toDate) >= maxSeasonWeeks * 7) throw refuse('rule', '/body/toDate', `En säsong kan vara högst ${String(maxSeasonWeeks)} veckor.`);
    if (body.startTime >= body.endTime && body.endTime !== '24:00') throw refuse('rule', '/body/endTime', 'Sluttiden måste vara efter starttiden.');
    const forening = await this.represented(kommun, subject, body.forening, '/body/forening');
    const now = this.clock.now();
    const planned = seasonOccurrences(lokal.rules, { weekday: body.weekday, startTime: body.startTime, endTime: body.endTime, fromDate: body.fromDate, toDate: body.toDate }, now).map(
      ({ start, end, closed, violation }): SlotTimes & Pick<SeasonOccurrence, 'conflict' | 'reason'> =>
        closed !== undefined ? { start, end, conflict: 'stangt', reason: closed } : violation ? { start, end, conflict: 'regel', reason: violation.detail } : { start, end, conflict: null },
    );
    const taken = planned.length > 0 ? await this.takenAround(kommun, lokal, body.fromDate, body.toDate) : [];
    const occurrences = planned.map((occurrence) => {
      if (occurrence.conflict !== null) return occurrence;
      const range = bufferedRange(lokal.rules, occurrence.start, occurrence.end);
      return taken.some((other) => overlaps(range, other)) ? { ...occurrence, conflict: 'bokad' as const, reason: 'Tiden är redan bokad.' } : occurrence;
    });
    const minutes = planned[0] ? (planned[0].end.getTime() - planned[0].start.getTime()) / 60_000 : 0;
    return { lokal, forening, occurrences, price: this.price(lokal, 'forening', minutes) };
  }

  /** Stores a season request (status inskickad, every occurrence begärd) for the kommun to decide. */
  async requestSeason(kommun: KommunConfig, settings: LokalbokningSettings, subject: string, body: NewSeasonRequest, idempotencyKey: string | undefined): Promise<{ request: StoredSeasonRequest; lokal: LokalEntry; price: BookingPrice }> {
    const hash = requestHash([subject, JSON.stringify(body)]);
    const repeat = async (): Promise<StoredSeasonRequest | undefined> => {
      const earlier = idempotencyKey ? await this.store.seasonByIdempotencyKey(kommun.id, subject, idempotencyKey) : undefined;
      if (earlier && earlier.request_hash !== hash) throw refuse('idempotency', `/headers/${idempotencyHeader}`, new IdempotencyConflict().message);
      return earlier;
    };
    const preview = await this.previewSeason(kommun, subject, body);
    const earlier = await repeat();
    if (earlier) return { request: earlier, lokal: preview.lokal, price: preview.price };
    if (!preview.occurrences.some((occurrence) => occurrence.conflict === null)) throw refuse('rule', '/body/fromDate', 'Ingen av tiderna under säsongen är ledig. Välj en annan veckodag, tid eller lokal.');
    let request: StoredSeasonRequest;
    try {
      request = await this.store.insertSeasonRequest(
        kommun.id,
        settings.referencePrefix,
        {
          subject,
          lokal_id: preview.lokal.id,
          forening_orgnr: preview.forening.organisationsnummer,
          forening_name: preview.forening.name,
          forening_role: preview.forening.role ?? null,
          weekday: body.weekday,
          start_time: body.startTime,
          end_time: body.endTime,
          from_date: body.fromDate,
          to_date: body.toDate,
          purpose: body.purpose,
          attendees: body.attendees ?? null,
          idempotency_key: idempotencyKey ?? null,
          request_hash: idempotencyKey ? hash : null,
        },
        preview.occurrences.map((occurrence) => ({ start_at: occurrence.start, end_at: occurrence.end, conflict: occurrence.conflict, reason: occurrence.reason ?? null, status: 'begard' })),
      );
    } catch (error) {
      const winner = await repeat();
      if (winner) return { request: winner, lokal: preview.lokal, price: preview.price };
      throw error;
    }
    return { request, lokal: preview.lokal, price: preview.price };
  }

  async seasonRequestsOf(kommun: KommunConfig, subject: string): Promise<StoredSeasonRequest[]> {
    const orgnrs = (await this.foreningar(kommun, subject)).map((forening) => forening.organisationsnummer);
    return this.store.seasonRequestsOf(kommun.id, subject, orgnrs);
  }

  undecidedSeasonRequests(kommun: KommunConfig): Promise<StoredSeasonRequest[]> {
    return this.store.undecidedSeasonRequests(kommun.id);
  }

  seasonRequest(kommun: KommunConfig, id: string): Promise<StoredSeasonRequest | undefined> {
    return this.store.seasonRequest(kommun.id, id);
  }

  /** The price of one occurrence of a stored season request. */
  seasonPrice(lokal: LokalEntry, request: StoredSeasonRequest): BookingPrice {
    const first = request.occurrences[0];
    return this.price(lokal, 'forening', first ? (first.end_at.getTime() - first.start_at.getTime()) / 60_000 : 0);
  }

  /**
   * A case worker approves all free occurrences or those listed by start; the rest are refused.
   * The bookings are made in one transaction: if any is taken (now or meanwhile) nothing is
   * booked and the answer names the taken dates.
   */
  async decideSeason(kommun: KommunConfig, settings: LokalbokningSettings, id: string, approve: 'all' | readonly string[], note: string | undefined): Promise<StoredSeasonRequest | undefined> {
    const request = await this.store.seasonRequest(kommun.id, id);
    if (!request) return undefined;
    if (request.status !== 'inskickad') throw refuse('conflict', undefined, 'Säsongsansökan är redan beslutad.');
    const lokal = this.lokal(kommun, request.lokal_id);
    if (!lokal) throw refuse('conflict', undefined, `Lokalen ${request.lokal_id} finns inte längre, så ansökan kan inte beviljas.`);
    let chosen = request.occurrences.filter((occurrence) => occurrence.conflict === null);
    if (approve !== 'all') {
      chosen = [];
      for (const [index, start] of approve.entries()) {
        const at = new Date(start);
        const occurrence = request.occurrences.find((candidate) => candidate.start_at.getTime() === at.getTime());
        const pointer = `/body/approve/${String(index)}`;
        if (!occurrence) throw refuse('rule', pointer, `Ansökan har ingen tid som börjar ${toOffsetIso(at)}.`);
        if (occurrence.conflict === 'stangt' || occurrence.conflict === 'regel') throw refuse('rule', pointer, `Tiden ${swedishDateTime(at)} kan inte beviljas: ${occurrence.reason ?? 'lokalen är stängd då'}.`);
        chosen.push(occurrence);
      }
    }
    const price = this.seasonPrice(lokal, request);
    const bookings = chosen.map((occurrence) => ({
      start: occurrence.start_at,
      booking: {
        lokalId: lokal.id,
        subject: request.subject,
        forening: { organisationsnummer: request.forening_orgnr, name: request.forening_name },
        customerType: 'forening',
        start: occurrence.start_at,
        end: occurrence.end_at,
        buffered: bufferedRange(lokal.rules, occurrence.start_at, occurrence.end_at),
        status: 'bekraftad' as const,
        purpose: request.purpose,
        attendees: request.attendees ?? undefined,
        price,
        cancellableUntil: cancellableUntil(occurrence.start_at, lokal.rules.cancelBeforeHours),
        seasonRequestId: request.id,
      } satisfies NewBookingRow,
    }));
    const takenDates = async (): Promise<string[]> => {
      const taken = await this.takenAround(kommun, lokal, request.from_date, request.to_date);
      return bookings.filter(({ booking }) => taken.some((other) => overlaps(booking.buffered, other))).map(({ start }) => swedishDateTime(start));
    };
    const takenMessageFor = (dates: string[]) =>
      new BookingRefused('conflict', `${dates.length === 1 ? 'Den här tiden är' : 'De här tiderna är'} redan bokade: ${dates.join('; ')}. Inget har bokats; bevilja de övriga tiderna i en lista.`);
    const before = await takenDates();
    if (before.length > 0) throw takenMessageFor(before);
    try {
      const decided = await this.store.decideSeasonRequest(kommun.id, settings.referencePrefix, id, bookings, note ?? null);
      if (!decided) throw refuse('conflict', undefined, 'Säsongsansökan är redan beslutad.');
      return decided;
    } catch (error) {
      if (error instanceof SlotTaken) throw takenMessageFor(await takenDates());
      throw error;
    }
  }
}

export { maxAvailabilityDays };
