import { editTokenHeader, maxPhotoBytes, maxPhotos, operations, problemTypes, type FieldError, type MyReportCreated } from '@kommunkit/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyRequest } from 'fastify';
import type { SessionStore } from '../../auth/sessions.js';
import type { ResolvedConfig } from '../../config/load.js';
import { requireCitizen, requireService } from '../../http/guards.js';
import { BadInput, idempotencyKeyOf } from '../../http/hygiene.js';
import { answerLocale } from '../../http/locale.js';
import { HttpProblem } from '../../http/problem.js';
import { anonymousWrite } from '../../http/rate-limits.js';
import type { Gateway } from '../../types.js';
import { editableUntil, NotEditable, ReportRefused, type Felanmalan, type Reporter, type Revision } from './domain.js';
import { serviceNotice, toMyReport } from './mapping.js';
import { formHash, readForm } from './open311/form.js';
import { Open311Error } from './open311/format.js';
import { parseReport } from './open311/report-input.js';
import { registerReportForms } from './open311/routes.js';

/** Open311 form fields the citizen API does not take from the body: the path names the kommun, the session the citizen. */
const notFromTheBody = ['jurisdiction_id', 'api_key', 'account_id'] as const;

/** Longest edit token taken: the gateway hands out 43 characters. */
const maxEditTokenLength = 200;

/** The photo limits, as the field they are about: broken by a photo too large or too many photos. */
const photoLimit: FieldError = { pointer: '/body/media', detail: `Högst ${String(maxPhotos)} bilder på högst ${String(maxPhotoBytes / 1024 / 1024)} MB var.` };
const tooLarge: Partial<Record<string, FieldError>> = { FST_REQ_FILE_TOO_LARGE: photoLimit, FST_FILES_LIMIT: photoLimit };

const pointer = (field: string): string => (field.startsWith('/') ? field : `/body/${field}`);

/**
 * Runs a step of filing with its refusals in the contract's words: field errors point at the
 * Open311 field (`/body/description`), a reused idempotency key is a 422, an over-large photo a 413.
 */
async function inProblemWords<Result>(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReportRefused) {
      if (error.kind === 'conflict') throw new HttpProblem(422, problemTypes.conflict, error.message, [{ pointer: `/headers/${error.field}`, detail: error.message }]);
      throw new HttpProblem(400, problemTypes.validation, undefined, [{ pointer: pointer(error.field), detail: error.message }]);
    }
    if (error instanceof Open311Error) {
      const errors = error.errors.flatMap((item) => (item.field ? [{ pointer: pointer(item.field), detail: item.description }] : []));
      const general = error.errors.find((item) => !item.field)?.description;
      throw new HttpProblem(error.status === 413 ? 413 : 400, error.status === 413 ? problemTypes.payloadTooLarge : problemTypes.validation, general, errors.length > 0 ? errors : undefined);
    }
    const limit = error instanceof Error ? tooLarge[(error as FastifyError).code] : undefined;
    if (limit) throw new HttpProblem(413, problemTypes.payloadTooLarge, limit.detail, [limit]);
    throw error;
  }
}

/** The reference number a path named, in the words of a 404 that does not tell others' reports from unknown ones. */
const notYours = (reference: string): HttpProblem =>
  new HttpProblem(404, problemTypes.notFound, `Det finns ingen anmälan med nummer ${reference} som du kan se eller ändra.`);

/**
 * Felanmälan's citizen API (`/api/v1/{kommun}/felanmalan/reports…`): a logged-in citizen files
 * through the same use case as Open311's POST, linked to their session's subject, and sees only
 * their own reports (anyone else's is a 404). Within the kommun's window the reporter corrects
 * the description or withdraws a new report, by session or with the secret from filing.
 */
export async function citizenRoutes(app: Gateway, { config, sessions, felanmalan }: { config: ResolvedConfig; sessions: SessionStore; felanmalan: Felanmalan }): Promise<void> {
  const rateLimit = anonymousWrite(config);

  app.route({
    ...operations.listMyReports,
    handler: async (request, reply) => {
      const { kommun, settings } = requireService(request, 'felanmalan');
      const session = await requireCitizen(request, sessions);
      const locale = answerLocale(request, reply);
      const rows = await felanmalan.mine(kommun, settings, session.subject);
      return { items: rows.map((row) => toMyReport(settings, row, editableUntil(settings, row), locale)) };
    },
  });

  app.route({
    ...operations.getMyReport,
    handler: async (request, reply) => {
      const { kommun, settings } = requireService(request, 'felanmalan');
      const session = await requireCitizen(request, sessions);
      const row = await felanmalan.own(kommun, settings, request.params.reference, session.subject);
      if (!row) throw notYours(request.params.reference);
      return toMyReport(settings, row, editableUntil(settings, row), answerLocale(request, reply));
    },
  });

  /** Who asks: the session's citizen, the one holding the secret from filing, or both; 401 with neither. */
  const reporterOf = async (request: FastifyRequest): Promise<Reporter> => {
    const header = request.headers[editTokenHeader];
    if (header !== undefined && (typeof header !== 'string' || !/^[\x21-\x7e]+$/.test(header) || header.length > maxEditTokenLength)) {
      throw new BadInput('headers', `/${editTokenHeader}`, 'Koden för att ändra anmälan har fel format.');
    }
    const session = await sessions.find(request);
    if (!session && header === undefined) {
      throw new HttpProblem(401, problemTypes.unauthenticated, 'Logga in med e-legitimation, eller använd länken från när du skickade anmälan, för att ändra den.');
    }
    return { accountId: session?.subject, editToken: header };
  };

  const revise = async (request: FastifyRequest<{ Params: { reference: string } }>, revision: Revision) => {
    const { kommun, settings } = requireService(request, 'felanmalan');
    const reporter = await reporterOf(request);
    try {
      const row = await felanmalan.revise(kommun, settings, request.params.reference, reporter, revision);
      if (!row) throw notYours(request.params.reference);
      return { row, settings };
    } catch (error) {
      if (error instanceof NotEditable) throw new HttpProblem(409, problemTypes.conflict, error.message);
      if (error instanceof ReportRefused) throw new HttpProblem(400, problemTypes.validation, undefined, [{ pointer: pointer(error.field), detail: error.message }]);
      throw error;
    }
  };

  app.route({
    ...operations.editMyReport,
    config: { rateLimit },
    handler: async (request, reply) => {
      const { row, settings } = await revise(request, { description: request.body.description });
      return toMyReport(settings, row, editableUntil(settings, row), answerLocale(request, reply));
    },
  });

  app.route({
    ...operations.withdrawMyReport,
    config: { rateLimit },
    handler: async (request, reply) => {
      const { row, settings } = await revise(request, { withdraw: true });
      return toMyReport(settings, row, editableUntil(settings, row), answerLocale(request, reply));
    },
  });

  // Filing takes Open311's form, so its scope has the form parsers (and no JSON one).
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    await registerReportForms(scope);
    scope.route({
      ...operations.createMyReport,
      config: { rateLimit },
      handler: async (request, reply) => {
        const { kommun, settings } = requireService(request, 'felanmalan');
        const session = await requireCitizen(request, sessions);
        const { fields, uploads } = await inProblemWords(() => readForm(request));
        for (const name of notFromTheBody) fields.delete(name);
        const { report, editToken } = await inProblemWords(() => {
          const category = felanmalan.categoryToFile(settings, fields.get('service_code')?.[0]);
          const parsed = parseReport(fields, category);
          if ('errors' in parsed) throw new Open311Error(400, parsed.errors);
          // The same key and form from another citizen is another request: the subject is part of its hash.
          const requestHash = formHash(new Map([...fields, ['account_id', [session.subject]]]), uploads);
          return felanmalan.file(kommun, settings, { ...parsed.report, accountId: session.subject }, { uploads, idempotencyKey: idempotencyKeyOf(request), requestHash, withEditToken: true });
        });
        const notice = serviceNotice(report.reference, answerLocale(request, reply));
        const until = editableUntil(settings, report);
        const created: MyReportCreated = { reference: report.reference, notice, editableUntil: until?.toISOString() ?? null, ...(editToken && until ? { editToken } : {}) };
        return reply.code(201).send(created);
      },
    });
  });
}
