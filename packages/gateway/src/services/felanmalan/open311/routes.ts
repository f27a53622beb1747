import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import { clientHeader, maxPhotoBytes, maxPhotos, open311Base, open311Operations, type Open311Operation } from '@kommunkit/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ResolvedConfig } from '../../../config/load.js';
import type { KommunConfig } from '../../../config/schema.js';
import { BodyCache, cachedBody, sendCached, type CachedBody } from '../../../http/cached-body.js';
import { serviceSettings } from '../../../http/guards.js';
import { idempotencyKeyOf } from '../../../http/hygiene.js';
import { anonymousWrite } from '../../../http/rate-limits.js';
import { answerLocale } from '../../../http/locale.js';
import { narrowCors } from '../../../http/security.js';
import { editableUntil, ReportRefused, type Felanmalan } from '../domain.js';
import { serviceNotice, toDefinition, toService, toServiceRequests, type MediaUrl } from '../mapping.js';
import type { FelanmalanSettings } from '../settings.js';
import { authorizeWrite, type IssuedApiKeys } from './auth.js';
import { formatOf, installOpen311Errors } from './errors.js';
import { formHash, readForm, withQueryArguments } from './form.js';
import { open311Payload, Open311Error, sendOpen311, shapes, type Format, type XmlShape } from './format.js';
import { givenQuery, requestsFilter } from './query.js';
import { parseReport } from './report-input.js';

const specification = 'http://wiki.open311.org/GeoReport_v2';

type Params = { format: string; service_code?: string; service_request_id?: string; token?: string };

/**
 * A contract operation as this scope registers it: its method, its path under the scope's
 * prefix and its `schema` (the suffix's check). Its `documentation` (query, form, responses)
 * stays out: the handlers check those in Open311's words and send their own JSON or XML.
 */
export function open311Route(operation: Open311Operation): Pick<Open311Operation, 'method' | 'url' | 'schema'> {
  if (!operation.url.startsWith(`${open311Base}/`)) throw new Error(`${operation.url} is not under ${open311Base}`);
  return { method: operation.method, url: operation.url.slice(open311Base.length), schema: operation.schema };
}

/**
 * The body parsers of a new report's form, for a scope of its own that holds only the route
 * filing it (multipart's hooks then cost no other request): form-encoded (at most 64 kB of
 * text) and multipart with the photos. Shared by Open311's POST and the citizen API's.
 */
export async function registerReportForms(scope: FastifyInstance): Promise<void> {
  scope.removeAllContentTypeParsers();
  await scope.register(formbody, { bodyLimit: 64 * 1024 });
  await scope.register(multipart, { limits: { files: maxPhotos, fileSize: maxPhotoBytes, fields: 60, fieldSize: 32 * 1024, parts: 70 } });
}

/** An Open311 resource as the bytes of a cached answer. */
function open311Body(format: Format, body: object | readonly object[], shape: XmlShape, language: string): CachedBody {
  const { contentType, text } = open311Payload(format, body, shape);
  return cachedBody(text, contentType, language);
}

/** Runs a use case, its refusals said in Open311's words (a reused idempotency key is a 422). */
async function inOpen311Words<Result>(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReportRefused) throw Open311Error.of(error.kind === 'conflict' ? 422 : 400, error.message, error.field);
    throw error;
  }
}

/**
 * Open311 GeoReport v2 for felanmälan, JSON and XML, with `jurisdiction_id` naming the kommun,
 * in a scope with Open311's own error answers (`errors.ts`). The protocol only: each handler
 * reads the request in Open311's terms, calls the use case and writes the answer.
 */
export async function open311Routes(
  app: FastifyInstance,
  { config, felanmalan, mediaUrl, apiKeys }: { config: ResolvedConfig; felanmalan: Felanmalan; mediaUrl: MediaUrl; apiKeys: IssuedApiKeys },
): Promise<void> {
  await app.register(
    async (scope) => {
      // Open311 takes no JSON; only the POST's own scope below reads a body (its form).
      scope.removeAllContentTypeParsers();
      installOpen311Errors(scope);

      /** The kommun named by `jurisdiction_id`, with felanmälan enabled, or a 404 in Open311's words. */
      const jurisdictionOf = (id: string | undefined): { kommun: KommunConfig; settings: FelanmalanSettings } => {
        if (!id) throw Open311Error.of(400, 'Ange jurisdiction_id (kommunens id).', 'jurisdiction_id');
        const kommun = config.kommunById.get(id);
        const settings = kommun && serviceSettings(kommun, 'felanmalan');
        if (!kommun || !settings) throw Open311Error.of(404, `Ingen kommun med felanmälan har id "${id}".`, 'jurisdiction_id');
        return { kommun, settings };
      };
      /** The kommun of a read: `jurisdiction_id` in the query. */
      const jurisdiction = (request: FastifyRequest) => jurisdictionOf(givenQuery(request.query).jurisdiction_id);
      // The categories and their questions are config alone: each serialised once per format and locale.
      const bodies = new BodyCache<object>();
      const serviceRequests = (kommun: KommunConfig, settings: FelanmalanSettings, rows: Parameters<typeof toServiceRequests>[3], request: FastifyRequest, reply: FastifyReply) =>
        toServiceRequests(mediaUrl, kommun, settings, rows, givenQuery(request.query).extensions === 'true', answerLocale(request, reply));

      scope.route<{ Params: Params }>({
        ...open311Route(open311Operations.discovery),
        handler: (request, reply) => {
          const changeset = '2026-11-23T00:00:00Z';
          return sendOpen311(
            reply,
            formatOf(request),
            {
              changeset,
              contact: 'Kontakta kommunen som anges i jurisdiction_id.',
              key_service: 'API-nycklar för appar lämnas ut av respektive kommun.',
              endpoints: [{ specification, url: `${config.publicUrl}${open311Base}`, changeset, type: 'production', formats: ['application/json', 'text/xml'] }],
            },
            shapes.discovery,
          );
        },
      });

      scope.route<{ Params: Params }>({
        ...open311Route(open311Operations.services),
        handler: (request, reply) => {
          const { settings } = jurisdiction(request);
          const locale = answerLocale(request, reply);
          const format = formatOf(request);
          return sendCached(request, reply, bodies.get(settings.categories, `${format} ${locale}`, () => open311Body(format, settings.categories.map((category) => toService(category, locale)), shapes.services, locale)));
        },
      });

      scope.route<{ Params: Params }>({
        ...open311Route(open311Operations.serviceDefinition),
        handler: (request, reply) => {
          const { settings } = jurisdiction(request);
          const code = request.params.service_code ?? '';
          const category = felanmalan.category(settings, code);
          if (!category) throw Open311Error.of(404, `Kategorin "${code}" finns inte.`, 'service_code');
          const locale = answerLocale(request, reply);
          const format = formatOf(request);
          return sendCached(request, reply, bodies.get(category, `${format} ${locale}`, () => open311Body(format, toDefinition(category, locale), shapes.definition, locale)));
        },
      });

      scope.route<{ Params: Params }>({
        ...open311Route(open311Operations.requests),
        handler: async (request, reply) => {
          const { kommun, settings } = jurisdiction(request);
          const rows = await felanmalan.list(kommun, requestsFilter(givenQuery(request.query)));
          return sendOpen311(reply, formatOf(request), serviceRequests(kommun, settings, rows, request, reply), shapes.requests);
        },
      });

      scope.route<{ Params: Params }>({
        ...open311Route(open311Operations.request),
        handler: async (request, reply) => {
          const { kommun, settings } = jurisdiction(request);
          const reference = request.params.service_request_id ?? '';
          const row = await felanmalan.find(kommun, settings, reference);
          if (!row) throw Open311Error.of(404, `Det finns inget ärende med nummer ${reference}.`, 'service_request_id');
          return sendOpen311(reply, formatOf(request), serviceRequests(kommun, settings, [row], request, reply), shapes.requests);
        },
      });

      scope.route<{ Params: Params }>({
        ...open311Route(open311Operations.token),
        handler: (request) => {
          jurisdiction(request);
          // Reports get their id at once, so this gateway never hands out tokens.
          throw Open311Error.of(404, 'Okänd token. Den här tjänsten ger ärendenummer direkt.', 'token');
        },
      });

      scope.route<{ Params: { id: string } }>({
        ...open311Route(open311Operations.media),
        handler: async (request, reply) => {
          const { kommun } = jurisdiction(request);
          const photo = await felanmalan.photo(kommun, request.params.id);
          if (!photo) throw Open311Error.of(404, 'Bilden finns inte.');
          return reply
            .type(photo.media_type)
            .header('cache-control', 'public, max-age=31536000, immutable')
            .header('x-content-type-options', 'nosniff')
            .send(Buffer.from(photo.bytes));
        },
      });

      await scope.register(async (forms) => {
        await registerReportForms(forms);
        forms.route<{ Params: Params }>({
          ...open311Route(open311Operations.createRequest),
          config: { rateLimit: anonymousWrite(config) },
          handler: async (request, reply) => {
            // GeoReport v2 sends jurisdiction_id and api_key in the form; the query string may carry them too.
            const form = await readForm(request);
            const { uploads } = form;
            const fields = withQueryArguments(form.fields, givenQuery(request.query));
            const { kommun, settings } = jurisdictionOf(fields.get('jurisdiction_id')?.[0]);
            narrowCors(request, reply, kommun);
            await authorizeWrite(request, kommun, settings, fields, apiKeys);
            // Only the kommun's own page (the widget) gets the secret for editing; any other client never sees it.
            const fromKommunPage = !!request.headers[clientHeader] && kommun.origins.includes(request.headers.origin ?? '');
            const { report, editToken } = await inOpen311Words(() => {
              const category = felanmalan.categoryToFile(settings, fields.get('service_code')?.[0]);
              const parsed = parseReport(fields, category);
              if ('errors' in parsed) throw new Open311Error(400, parsed.errors);
              // A client's account_id is no identity: "Mina anmälningar" links reports to a session's subject only.
              const details = { ...parsed.report, accountId: undefined };
              return felanmalan.file(kommun, settings, details, { uploads, idempotencyKey: idempotencyKeyOf(request), requestHash: formHash(fields, uploads), withEditToken: fromKommunPage });
            });
            const until = editToken ? editableUntil(settings, report) : null;
            const extensions = editToken && until ? { edit_token: editToken, editable_until: until.toISOString() } : {};
            const notice = serviceNotice(report.reference, answerLocale(request, reply));
            return sendOpen311(reply.code(201), formatOf(request), [{ service_request_id: report.reference, service_notice: notice, ...extensions }], shapes.tokens);
          },
        });
      });
    },
    { prefix: open311Base },
  );
}
