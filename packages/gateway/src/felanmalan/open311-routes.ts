import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import {
  clientHeader,
  idempotencyHeader,
  maxPhotoBytes,
  maxPhotos,
  open311Operations,
  open311Status,
  reportStatuses,
  type Open311Operation,
  type Open311Service,
  type Open311ServiceDefinition,
} from '@kommunkit/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ResolvedConfig } from '../config/load.js';
import type { CategoryConfig, FelanmalanSettings, KommunConfig } from '../config/schema.js';
import { assertClean, idempotencyKeyOf, isStorableDate } from '../http/hygiene.js';
import { IdempotencyConflict, requestHash } from '../http/idempotency.js';
import { anonymousWrite } from '../http/rate-limits.js';
import { sameSecret } from '../http/secrets.js';
import { formatOf, installOpen311Errors } from './open311-errors.js';
import { Open311Error, sendOpen311, shapes } from './open311-format.js';
import { PhotoError, storablePhoto, type StoredPhoto } from './photos.js';
import { parseReport, type Fields } from './report-input.js';
import { forwardTarget, Open311Forwarder } from './forward.js';
import { mediaUrlFor, open311Prefix, serviceRequestsFrom } from './service-requests.js';
import type { ReportStore } from './store.js';

const specification = 'http://wiki.open311.org/GeoReport_v2';
const isoTimestamp = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const maxRangeDays = 90;

type Params = { format: string; service_code?: string; service_request_id?: string; token?: string };
type Query = Record<string, string | undefined>;

/**
 * A contract operation as this scope registers it: its method, its path under the scope's
 * prefix and its `schema` (the suffix's check). Its `documentation` (query, form, responses)
 * stays out: the handlers check those in Open311's words and send their own JSON or XML.
 */
export function open311Route(operation: Open311Operation): Pick<Open311Operation, 'method' | 'url' | 'schema'> {
  if (!operation.url.startsWith(`${open311Prefix}/`)) throw new Error(`${operation.url} is not under ${open311Prefix}`);
  return { method: operation.method, url: operation.url.slice(open311Prefix.length), schema: operation.schema };
}

export function toService(category: CategoryConfig): Open311Service {
  return {
    service_code: category.code,
    service_name: category.name,
    description: category.description,
    metadata: (category.attributes?.length ?? 0) > 0,
    type: 'batch',
    keywords: category.keywords.join(','),
    group: category.group,
    ...(category.handoffNote ? { handoff_note: category.handoffNote } : {}),
  };
}

/**
 * Open311 GeoReport v2 for felanmälan, JSON and XML, with `jurisdiction_id` naming the kommun,
 * in a scope with Open311's own error answers (`open311-errors.ts`).
 */
export async function open311Routes(app: FastifyInstance, { config, store }: { config: ResolvedConfig; store: ReportStore }): Promise<void> {
  await app.register(
    async (scope) => {
      scope.removeAllContentTypeParsers();
      await scope.register(formbody, { bodyLimit: 64 * 1024 });
      await scope.register(multipart, { limits: { files: maxPhotos, fileSize: maxPhotoBytes, fields: 60, fieldSize: 32 * 1024, parts: 70 } });

      installOpen311Errors(scope);

      /** The kommun named by `jurisdiction_id`, with felanmälan enabled, or a 404 in Open311's words. */
      const jurisdiction = (request: FastifyRequest): { kommun: KommunConfig; settings: FelanmalanSettings } => {
        const id = (request.query as Query).jurisdiction_id;
        if (!id) throw Open311Error.of(400, 'Ange jurisdiction_id (kommunens id).', 'jurisdiction_id');
        const kommun = config.kommunById.get(id);
        const settings = kommun?.services.felanmalan;
        if (!kommun || !settings) throw Open311Error.of(404, `Ingen kommun med felanmälan har id "${id}".`, 'jurisdiction_id');
        return { kommun, settings };
      };

      const categoryOf = (settings: FelanmalanSettings, code: string): CategoryConfig => {
        const category = settings.categories.find((candidate) => candidate.code === code);
        if (!category) throw Open311Error.of(404, `Kategorin "${code}" finns inte.`, 'service_code');
        return category;
      };

      const serviceRequests = serviceRequestsFrom(config);
      const forwarder = new Open311Forwarder(store, mediaUrlFor(config), scope.log);

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
              endpoints: [
                { specification, url: `${config.publicUrl}${open311Prefix}`, changeset, type: 'production', formats: ['application/json', 'text/xml'] },
              ],
            },
            shapes.discovery,
          );
        },
      });

      scope.route<{ Params: Params }>({
        ...open311Route(open311Operations.services),
        handler: (request, reply) => {
          const { settings } = jurisdiction(request);
          void reply.header('cache-control', 'public, max-age=300');
          return sendOpen311(reply, formatOf(request), settings.categories.map(toService), shapes.services);
        },
      });

      scope.route<{ Params: Params }>({
        ...open311Route(open311Operations.serviceDefinition),
        handler: (request, reply) => {
          const { settings } = jurisdiction(request);
          const category = categoryOf(settings, request.params.service_code ?? '');
          const definition: Open311ServiceDefinition = { service_code: category.code, attributes: category.attributes ?? [] };
          void reply.header('cache-control', 'public, max-age=300');
          return sendOpen311(reply, formatOf(request), definition, shapes.definition);
        },
      });

      scope.route<{ Params: Params }>({
        ...open311Route(open311Operations.requests),
        handler: async (request, reply) => {
          const { kommun, settings } = jurisdiction(request);
          const query = request.query as Query;
          const number = (name: string): number | undefined => {
            if (query[name] === undefined || query[name] === '') return undefined;
            const value = Number(query[name]);
            if (!Number.isFinite(value)) throw Open311Error.of(400, `${name} ska vara ett tal.`, name);
            return value;
          };
          const date = (name: string): Date | undefined => {
            const text = query[name];
            if (!text) return undefined;
            // Only ISO 8601 as the spec says, and only years PostgreSQL and every client can store.
            const value = isoTimestamp.test(text) ? new Date(text) : new Date(Number.NaN);
            if (!isStorableDate(value)) {
              throw Open311Error.of(400, `${name} ska vara en tidpunkt i ISO 8601, till exempel 2026-11-01T00:00:00+01:00.`, name);
            }
            return value;
          };
          const start = date('start_date');
          const end = date('end_date');
          if (start && end && end.getTime() - start.getTime() > maxRangeDays * 86_400_000) {
            throw Open311Error.of(400, `Högst ${String(maxRangeDays)} dagar mellan start_date och end_date.`, 'end_date');
          }
          const statusFilter = query.status?.split(',').map((status) => status.trim());
          if (statusFilter?.some((status) => status !== 'open' && status !== 'closed')) throw Open311Error.of(400, 'status ska vara open eller closed.', 'status');
          const lat = number('lat');
          const long = number('long');
          if (lat !== undefined && Math.abs(lat) > 90) throw Open311Error.of(400, 'lat ska vara en latitud mellan -90 och 90 (WGS84).', 'lat');
          if (long !== undefined && Math.abs(long) > 180) throw Open311Error.of(400, 'long ska vara en longitud mellan -180 och 180 (WGS84).', 'long');
          const radius = Math.min(number('radius') ?? 200, 5000);
          const pageSize = Math.min(Math.max(number('page_size') ?? 50, 1), 200);
          const rows = await store.list(kommun.id, {
            ...(query.service_request_id ? { references: query.service_request_id.split(',').map((id) => id.trim()) } : {}),
            ...(query.service_code ? { serviceCodes: query.service_code.split(',') } : {}),
            ...(start ? { start } : {}),
            ...(end ? { end } : {}),
            ...(statusFilter ? { statuses: reportStatuses.filter((status) => statusFilter.includes(open311Status(status))) } : {}),
            ...(lat !== undefined && long !== undefined ? { near: { lat, long, radius } } : {}),
            limit: pageSize,
          });
          return sendOpen311(reply, formatOf(request), serviceRequests(kommun, settings, rows, query.extensions === 'true'), shapes.requests);
        },
      });

      scope.route<{ Params: Params }>({
        ...open311Route(open311Operations.request),
        handler: async (request, reply) => {
          const { kommun, settings } = jurisdiction(request);
          const stored = await store.byReference(kommun.id, request.params.service_request_id ?? '');
          if (!stored) throw Open311Error.of(404, `Det finns inget ärende med nummer ${request.params.service_request_id ?? ''}.`, 'service_request_id');
          const target = forwardTarget(settings);
          const row = target ? await forwarder.refresh(kommun, target, stored) : stored;
          const extensions = (request.query as Query).extensions === 'true';
          return sendOpen311(reply, formatOf(request), serviceRequests(kommun, settings, [row], extensions), shapes.requests);
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
          const photo = await store.photo(kommun.id, request.params.id);
          if (!photo) throw Open311Error.of(404, 'Bilden finns inte.');
          return reply
            .type(photo.media_type)
            .header('cache-control', 'public, max-age=31536000, immutable')
            .header('x-content-type-options', 'nosniff')
            .send(Buffer.from(photo.bytes));
        },
      });

      scope.route<{ Params: Params }>({
        ...open311Route(open311Operations.createRequest),
        config: { rateLimit: anonymousWrite(config) },
        handler: async (request, reply) => {
          const { kommun, settings } = jurisdiction(request);
          const { fields, uploads } = await readForm(request);
          authorizeWrite(request, kommun, settings, fields);
          const code = fields.get('service_code')?.[0];
          if (!code) throw Open311Error.of(400, 'Välj vad felet gäller.', 'service_code');
          const category = settings.categories.find((candidate) => candidate.code === code);
          if (!category) throw Open311Error.of(400, `Kategorin "${code}" finns inte.`, 'service_code');
          if (category.handoffNote) throw Open311Error.of(400, category.handoffNote, 'service_code');
          const parsed = parseReport(fields, category);
          if ('errors' in parsed) throw new Open311Error(400, parsed.errors);
          const photos: StoredPhoto[] = [];
          for (const upload of uploads) {
            try {
              photos.push(await storablePhoto(upload));
            } catch (error) {
              if (error instanceof PhotoError) throw Open311Error.of(400, error.message, 'media');
              throw error;
            }
          }
          const { row, created } = await store
            .create(kommun.id, settings.referencePrefix, { ...parsed.report, photos, idempotencyKey: idempotencyKeyOf(request), requestHash: formHash(fields, uploads) }, 'mottagen')
            .catch((error: unknown) => {
              if (error instanceof IdempotencyConflict) throw Open311Error.of(422, error.message, idempotencyHeader);
              throw error;
            });
          const target = forwardTarget(settings);
          if (created && target) await forwarder.send(kommun, target, row);
          return sendOpen311(reply.code(201), formatOf(request), [{ service_request_id: row.reference, service_notice: `Tack! Din felanmälan har nummer ${row.reference}.` }], shapes.tokens);
        },
      });
    },
    { prefix: open311Prefix },
  );
}

/**
 * A new report comes from a page of the kommun (the SDK's header and a listed Origin), or from
 * an app or system with one of the kommun's Open311 api_keys.
 */
function authorizeWrite(request: FastifyRequest, kommun: KommunConfig, settings: FelanmalanSettings, fields: Fields): void {
  const origin = request.headers.origin;
  if (request.headers[clientHeader] && origin && kommun.origins.includes(origin)) return;
  const key = fields.get('api_key')?.[0] ?? (request.query as Query).api_key;
  if (key && (settings.apiKeys ?? []).some((candidate) => sameSecret(candidate, key))) return;
  throw Open311Error.of(403, 'Anmälan måste skickas från kommunens webbplats eller med en giltig api_key.', 'api_key');
}

/** What an idempotent retry must repeat: every field but the api_key, in name order, and the photos' bytes. */
function formHash(fields: Fields, uploads: readonly Buffer[]): string {
  const entries = [...fields].filter(([name]) => name !== 'api_key').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return requestHash([...entries.flatMap(([name, values]) => [name, String(values.length), ...values]), String(uploads.length), ...uploads]);
}

/** Reads a form-encoded or multipart body into fields and photo uploads (buffered, size-limited). */
async function readForm(request: FastifyRequest): Promise<{ fields: Fields; uploads: Buffer[] }> {
  const fields: Fields = new Map();
  const uploads: Buffer[] = [];
  const add = (name: string, value: string) => fields.set(name, [...(fields.get(name) ?? []), value]);
  if (request.isMultipart()) {
    // Form-encoded bodies are checked by the input hygiene hook; multipart is read only here.
    for await (const part of request.parts()) {
      // Busboy passes a part without a name through with none.
      if (!part.fieldname) throw Open311Error.of(400, 'Varje del av formuläret behöver ett namn (Content-Disposition: form-data; name="…").');
      assertClean('body', { [part.fieldname]: part.type === 'file' ? '' : part.value });
      if (part.type === 'file') {
        if (part.fieldname !== 'media') throw Open311Error.of(400, 'Bilder skickas i fältet media.', part.fieldname);
        uploads.push(await part.toBuffer());
      } else add(part.fieldname, String(part.value));
    }
  } else {
    for (const [name, value] of Object.entries((request.body ?? {}) as Record<string, string | string[]>)) {
      for (const item of [value].flat()) add(name, item);
    }
  }
  return { fields, uploads };
}
