import { operations, problemTypes, type FieldError } from '@kommunkit/contract';
import type { SessionStore } from '../../auth/sessions.js';
import type { ResolvedConfig } from '../../config/load.js';
import type { KommunConfig } from '../../config/schema.js';
import { retryAfterSeconds } from '../../db/unavailable.js';
import { BodyCache, jsonBody, pageVariant, sendCached } from '../../http/cached-body.js';
import { requireBearerKey, requireCitizen, requireService } from '../../http/guards.js';
import { idempotencyKeyOf } from '../../http/hygiene.js';
import { numberedPage, pageRequest } from '../../http/pagination.js';
import { HttpProblem } from '../../http/problem.js';
import { anonymousWrite } from '../../http/rate-limits.js';
import type { Gateway } from '../../types.js';
import { BarnomsorgRefused, policyOf, type Barnomsorg } from './domain.js';
import { toApplication, toChild, toPlacement, toUnit } from './mapping.js';
import type { UnitEntry } from './settings.js';
import type { PlacementRow, StoredApplication } from './store.js';

const caseWorkerDetail = 'Ange kommunens nyckel för handläggare av barnomsorg: Authorization: Bearer <nyckel>.';

/** Runs a use case with its refusals in the contract's words. */
async function inProblemWords<Result>(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof BarnomsorgRefused)) throw error;
    const errors: FieldError[] | undefined = error.errors;
    switch (error.kind) {
      case 'invalid':
        throw new HttpProblem(400, problemTypes.validation, error.message, errors);
      case 'rule':
        throw new HttpProblem(422, problemTypes.validation, error.message, errors);
      case 'idempotency':
        throw new HttpProblem(422, problemTypes.conflict, error.message, errors);
      case 'conflict':
        throw new HttpProblem(409, problemTypes.conflict, error.message);
      case 'unavailable':
        throw new HttpProblem(503, problemTypes.unavailable, error.message, undefined, { 'retry-after': String(retryAfterSeconds) });
    }
  }
}

const notYours = () => new HttpProblem(404, problemTypes.notFound, 'Det finns ingen ansökan med det id:t som du kan se eller ändra.');
const notYourPlacement = () => new HttpProblem(404, problemTypes.notFound, 'Det finns ingen placering med det id:t som du kan se eller ändra.');
const unknownApplication = () => new HttpProblem(404, problemTypes.notFound, 'Det finns ingen ansökan med det id:t.');

/**
 * Barnomsorg's contract operations: public reads of the kommun's rules and units, the logged-in
 * guardian's children, applications, offers, messages and placements (only the child's
 * guardians reach them; anyone else gets 404), and the case workers' side with the kommun's key.
 * The guardian is always the session's person, never a value in the request.
 */
export function barnomsorgRoutes(app: Gateway, { config, sessions, barnomsorg }: { config: ResolvedConfig; sessions: SessionStore; barnomsorg: Barnomsorg }): void {
  const rateLimit = anonymousWrite(config);
  const unitBodies = new BodyCache<readonly UnitEntry[]>();
  const unitName = (kommun: KommunConfig) => (id: string) => barnomsorg.unit(kommun, id)?.name ?? id;
  const application = (kommun: KommunConfig, row: StoredApplication, reader: string | undefined) => toApplication(row, unitName(kommun), reader);
  const placement = (kommun: KommunConfig, row: PlacementRow) => toPlacement(row, unitName(kommun));
  const found = <Row>(row: Row | undefined, missing: () => HttpProblem): Row => {
    if (row === undefined) throw missing();
    return row;
  };

  app.route({
    ...operations.getBarnomsorgSettings,
    handler: (request) => {
      const { kommun, settings } = requireService(request, 'barnomsorg');
      return Promise.resolve({ ...policyOf(settings), maxtaxa: settings.maxtaxa, areas: barnomsorg.areas(kommun), today: barnomsorg.today() });
    },
  });

  app.route({
    ...operations.listUnits,
    handler: (request, reply) => {
      const { kommun } = requireService(request, 'barnomsorg');
      const page = pageRequest(request.query, 'number');
      const { type, area, q } = request.query;
      const list = () => {
        const matching = barnomsorg.search(kommun, { type, area, q });
        return numberedPage(matching.slice(page.offset, page.offset + page.pageSize).map(toUnit), page, matching.length);
      };
      // Unfiltered, the list is the units' config alone: serialised once per page that has units on it.
      const units = barnomsorg.units(kommun);
      const variant = type === undefined && area === undefined && q === undefined ? pageVariant(page, units.length) : undefined;
      if (variant === undefined) return Promise.resolve(list());
      sendCached(request, reply, unitBodies.get(units, variant, () => jsonBody(reply.serialize(list()))));
    },
  });

  app.route({
    ...operations.listChildren,
    handler: async (request) => {
      const { kommun } = requireService(request, 'barnomsorg');
      const session = await requireCitizen(request, sessions);
      const { children, someNotShown } = await inProblemWords(() => barnomsorg.children(kommun, session));
      return { children: children.map(toChild), someNotShown };
    },
  });

  app.route({
    ...operations.createApplication,
    config: { rateLimit },
    handler: async (request, reply) => {
      const { kommun, settings } = requireService(request, 'barnomsorg');
      const session = await requireCitizen(request, sessions);
      const result = await inProblemWords(() => barnomsorg.apply(kommun, settings, session, request.body, idempotencyKeyOf(request)));
      if (!result) throw new HttpProblem(404, problemTypes.notFound, 'Det finns inget barn med det id:t som du är vårdnadshavare för.', [{ pointer: '/body/childId', detail: 'Välj ett av dina barn.' }]);
      return reply.code(201).send(application(kommun, result.application, session.subject));
    },
  });

  app.route({
    ...operations.getBarnomsorgOverview,
    handler: async (request) => {
      const { kommun } = requireService(request, 'barnomsorg');
      const session = await requireCitizen(request, sessions);
      const { applications, placements } = await inProblemWords(() => barnomsorg.overview(kommun, session));
      return { applications: applications.map((row) => application(kommun, row, session.subject)), placements: placements.map((row) => placement(kommun, row)) };
    },
  });

  app.route({
    ...operations.getApplication,
    handler: async (request) => {
      const { kommun } = requireService(request, 'barnomsorg');
      const session = await requireCitizen(request, sessions);
      const row = found(await inProblemWords(() => barnomsorg.application(kommun, session, request.params.id)), notYours);
      return application(kommun, row, session.subject);
    },
  });

  app.route({
    ...operations.withdrawApplication,
    config: { rateLimit },
    handler: async (request) => {
      const { kommun } = requireService(request, 'barnomsorg');
      const session = await requireCitizen(request, sessions);
      const row = found(await inProblemWords(() => barnomsorg.withdraw(kommun, session, request.params.id)), notYours);
      return application(kommun, row, session.subject);
    },
  });

  app.route({
    ...operations.answerOffer,
    config: { rateLimit },
    handler: async (request) => {
      const { kommun } = requireService(request, 'barnomsorg');
      const session = await requireCitizen(request, sessions);
      const row = found(await inProblemWords(() => barnomsorg.answer(kommun, session, request.params.id, request.body.answer)), notYours);
      return application(kommun, row, session.subject);
    },
  });

  app.route({
    ...operations.confirmApplication,
    config: { rateLimit },
    handler: async (request) => {
      const { kommun } = requireService(request, 'barnomsorg');
      const session = await requireCitizen(request, sessions);
      const row = found(await inProblemWords(() => barnomsorg.confirm(kommun, session, request.params.id)), notYours);
      return application(kommun, row, session.subject);
    },
  });

  app.route({
    ...operations.sendApplicationMessage,
    config: { rateLimit },
    handler: async (request, reply) => {
      const { kommun } = requireService(request, 'barnomsorg');
      const session = await requireCitizen(request, sessions);
      const row = found(await inProblemWords(() => barnomsorg.write(kommun, session, request.params.id, request.body.text)), notYours);
      return reply.code(201).send(application(kommun, row, session.subject));
    },
  });

  app.route({
    ...operations.givePlacementNotice,
    config: { rateLimit },
    handler: async (request) => {
      const { kommun, settings } = requireService(request, 'barnomsorg');
      const session = await requireCitizen(request, sessions);
      const row = found(await inProblemWords(() => barnomsorg.giveNotice(kommun, settings, session, request.params.id, request.body)), notYourPlacement);
      return placement(kommun, row);
    },
  });

  // The case workers' side: the kommun's key, never a citizen session.

  app.route({
    ...operations.listIncomingApplications,
    config: { keyAuthenticated: true },
    handler: async (request) => {
      const { kommun, settings } = requireService(request, 'barnomsorg');
      requireBearerKey(request, settings.caseWorkerApiKey, caseWorkerDetail);
      const page = pageRequest(request.query, 'number');
      const { items, total } = await barnomsorg.incoming(kommun, request.query.status, page);
      return numberedPage(items.map((row) => application(kommun, row, undefined)), page, total);
    },
  });

  app.route({
    ...operations.receiveApplication,
    config: { keyAuthenticated: true },
    handler: async (request) => {
      const { kommun, settings } = requireService(request, 'barnomsorg');
      requireBearerKey(request, settings.caseWorkerApiKey, caseWorkerDetail);
      const row = found(await inProblemWords(() => barnomsorg.receive(kommun, request.params.id)), unknownApplication);
      return application(kommun, row, undefined);
    },
  });

  app.route({
    ...operations.offerPlacement,
    config: { keyAuthenticated: true },
    handler: async (request) => {
      const { kommun, settings } = requireService(request, 'barnomsorg');
      requireBearerKey(request, settings.caseWorkerApiKey, caseWorkerDetail);
      const row = found(await inProblemWords(() => barnomsorg.offer(kommun, settings, request.params.id, request.body)), unknownApplication);
      return application(kommun, row, undefined);
    },
  });

  app.route({
    ...operations.recordOfferAnswer,
    config: { keyAuthenticated: true },
    handler: async (request) => {
      const { kommun, settings } = requireService(request, 'barnomsorg');
      requireBearerKey(request, settings.caseWorkerApiKey, caseWorkerDetail);
      const row = found(await inProblemWords(() => barnomsorg.recordAnswerFor(kommun, request.params.id, request.body.answer)), unknownApplication);
      return application(kommun, row, undefined);
    },
  });

  app.route({
    ...operations.replyToApplication,
    config: { keyAuthenticated: true },
    handler: async (request, reply) => {
      const { kommun, settings } = requireService(request, 'barnomsorg');
      requireBearerKey(request, settings.caseWorkerApiKey, caseWorkerDetail);
      const row = found(await inProblemWords(() => barnomsorg.reply(kommun, request.params.id, request.body.text)), unknownApplication);
      return reply.code(201).send(application(kommun, row, undefined));
    },
  });
}
