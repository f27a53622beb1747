import type {
  FieldError,
  Open311Errors,
  Open311RequestCreated,
  Open311Service,
  Open311ServiceDefinition,
  Open311ServiceRequest,
  Problem,
} from '@kommunkit/contract';
import { clientHeader, idempotencyHeader, problemTitles, problemTypes, type ProblemType } from '@kommunkit/contract/routes';
import { ApiError, problemFrom, synthesizeProblem } from '../errors.js';
import type { KommunkitClient } from '../client.js';
import { exchange, idempotencyKey, queryString, retrySettings, type CallOptions, type QueryValue, type RetryOptions } from '../http.js';
import { sdkVersion } from '../version.js';

/** A fresh key for one report, for `submit(report, { idempotencyKey })`. */
export { idempotencyKey } from '../http.js';

export type { Open311Attribute, Open311Service, Open311ServiceDefinition, Open311ServiceRequest, ReportStatus, StatusChange } from '@kommunkit/contract';

/** A fault report as the citizen gave it; the SDK turns it into Open311's form fields. */
export interface FelanmalanReport {
  /** Open311 `service_code` of the category. */
  serviceCode: string;
  /** WGS84 position of the fault; give it, `address`, or both. */
  lat?: number | undefined;
  long?: number | undefined;
  /** Free-text place (`address_string`), e.g. "Storgatan 12, vid busshållplatsen". */
  address?: string | undefined;
  /** What is wrong (≤ 4000 characters, plain text). */
  description: string;
  /** Answers to the category's attributes, by attribute code; a list for `multivaluelist`. */
  attributes?: Readonly<Record<string, string | readonly string[]>> | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

export interface SubmitOptions extends CallOptions {
  /** Up to 3 photos (JPEG, PNG or WebP), sent as `media`. Only the kommunkit gateway takes them. */
  photos?: readonly Blob[] | undefined;
  /**
   * The `Idempotency-Key` for this report (kommunkit gateway only), sent on every try of the
   * call. Without it each call makes a fresh key, so only the SDK's own retries are safe. Give
   * the same key when the citizen sends the same report again after a failure (no answer, a
   * timeout): the gateway then answers with the report it already has instead of filing a
   * second one. Use a new key (`idempotencyKey()`) as soon as anything in the report or its
   * photos changes: the gateway refuses a known key with other content. 1–200 visible ASCII
   * characters; a UUID is best.
   */
  idempotencyKey?: string | undefined;
}

export interface NearbyQuery {
  lat: number;
  long: number;
  /** Only reports in this category. */
  serviceCode?: string | undefined;
  /** Metres around the point; default 200. */
  radius?: number | undefined;
  /** Default `open`: what is still being dealt with. */
  status?: 'open' | 'closed' | undefined;
}

/** A filed report: the reference number the citizen follows it by, and the kommun's notice. */
export interface SubmittedReport {
  reference: string;
  notice?: string | undefined;
  /**
   * The secret that lets the citizen correct or withdraw the report without logging in
   * (`editMyReport`, `withdrawMyReport` in `@kommunkit/sdk/felanmalan-citizen`), until
   * `editableUntil`. Given once, by the kommunkit gateway, to the kommun's own page; keep it only
   * as long as the report can be changed.
   */
  editToken?: string | undefined;
  /** Until when (ISO 8601) the report can be corrected or withdrawn; absent when it cannot. */
  editableUntil?: string | undefined;
}

/** Felanmälan over Open311 GeoReport v2. */
export interface Felanmalan {
  /** The categories a citizen can report in (`GET services`). */
  services(options?: CallOptions): Promise<Open311Service[]>;
  /** A category's extra questions (`GET services/{code}`). */
  service(code: string, options?: CallOptions): Promise<Open311ServiceDefinition>;
  /** Open reports near a point (the lat/long/radius extension). */
  nearby(query: NearbyQuery, options?: CallOptions): Promise<Open311ServiceRequest[]>;
  /**
   * Files a report (`POST requests`). Against the kommunkit gateway it is sent as multipart
   * with an `Idempotency-Key` (the caller's `idempotencyKey`, or a fresh one per call), and
   * retried safely; a repeat of a key returns the first report.
   */
  submit(report: FelanmalanReport, options?: SubmitOptions): Promise<SubmittedReport>;
  /** A report by its reference number, with its status history; null when there is none. */
  lookup(reference: string, options?: CallOptions): Promise<Open311ServiceRequest | null>;
}

export interface FelanmalanOptions {
  /** The Open311 base URL, e.g. `https://e-tjanster.exempelstad.se/open311/v2` (a trailing slash is dropped). */
  base: string;
  /** Open311 `jurisdiction_id`, sent with every call when set (the kommun id at the kommunkit gateway). */
  jurisdiction?: string | undefined;
  /** Open311 `api_key`, sent with POST when set. */
  apiKey?: string | undefined;
  /**
   * `kommunkit` (the kommunkit gateway): multipart with photos, the SDK's client header, an
   * idempotency key and `extensions=true`. `open311` (any GeoReport v2 server): form-encoded,
   * no photos, no custom headers, writes never retried. Default `open311`.
   */
  server?: 'kommunkit' | 'open311' | undefined;
  fetch?: typeof fetch | undefined;
  retry?: Partial<RetryOptions> | false | undefined;
  /** Why calls get no answer when no retry mends it (`KommunkitClient.diagnose`); the client's own at its gateway. */
  diagnose?: (() => Promise<Error | undefined>) | undefined;
}

/** The problem type an Open311 error list's status stands for (such a list names none). */
const problemTypeForStatus: Partial<Record<number, ProblemType>> = {
  400: problemTypes.validation,
  401: problemTypes.unauthenticated,
  403: problemTypes.forbidden,
  404: problemTypes.notFound,
  413: problemTypes.payloadTooLarge,
  415: problemTypes.unsupportedMediaType,
  422: problemTypes.validation,
  429: problemTypes.rateLimited,
};

const isOpen311Errors = (body: unknown): body is Open311Errors =>
  Array.isArray(body) &&
  body.length > 0 &&
  body.every((item) => typeof item === 'object' && item !== null && typeof (item as { description?: unknown }).description === 'string');

/**
 * The problem behind an Open311 error answer (`[{ code, description, field? }]`), so callers
 * handle it like any other `ApiError`: `fieldError('description')` finds the message for a form
 * field (pointer `/body/<field>`). Other answers (problem+json, a proxy's page) go the usual way.
 */
export function open311Problem(status: number, contentType: string | null, text: string): Problem {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!isOpen311Errors(body)) return problemFrom(status, contentType, text);
  const fallback = synthesizeProblem(status);
  const type = problemTypeForStatus[status] ?? fallback.type;
  const errors: FieldError[] = body.flatMap((error) => (error.field ? [{ pointer: `/body/${error.field}`, detail: error.description }] : []));
  const general = body.find((error) => !error.field) ?? body[0]!;
  return {
    type,
    title: problemTitles[type],
    status: fallback.status,
    detail: general.description,
    ...(errors.length > 0 ? { errors } : {}),
  };
}

/** The form fields of a report, in Open311's names. */
export function reportFields(report: FelanmalanReport): [string, string][] {
  const fields: [string, string][] = [['service_code', report.serviceCode]];
  if (report.lat !== undefined && report.long !== undefined) fields.push(['lat', String(report.lat)], ['long', String(report.long)]);
  if (report.address?.trim()) fields.push(['address_string', report.address.trim()]);
  fields.push(['description', report.description]);
  for (const [code, value] of Object.entries(report.attributes ?? {})) {
    if (typeof value === 'string') {
      if (value !== '') fields.push([`attribute[${code}]`, value]);
    } else for (const item of value) fields.push([`attribute[${code}][]`, item]);
  }
  const optional: [string, string | undefined][] = [
    ['first_name', report.firstName],
    ['last_name', report.lastName],
    ['email', report.email],
    ['phone', report.phone],
  ];
  for (const [name, value] of optional) if (value?.trim()) fields.push([name, value.trim()]);
  return fields;
}

export function createFelanmalan(options: FelanmalanOptions): Felanmalan {
  const base = options.base.replace(/\/+$/, '');
  const kommunkit = options.server === 'kommunkit';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const retry = retrySettings(options.retry);

  const url = (path: string, query: Record<string, QueryValue> = {}): string =>
    `${base}${path}${queryString({ jurisdiction_id: options.jurisdiction || undefined, ...query })}`;
  const extensions = kommunkit ? 'true' : undefined;

  const call = <T>(target: string, init: RequestInit, retryable: boolean, signal: AbortSignal | undefined): Promise<T> =>
    exchange(doFetch, target, init, { retry, retryable, signal, problemOf: open311Problem, diagnose: options.diagnose }) as Promise<T>;

  const credentials: RequestCredentials = kommunkit ? 'include' : 'same-origin';
  const get = <T>(target: string, signal: AbortSignal | undefined): Promise<T> =>
    call<T>(target, { method: 'GET', headers: { accept: 'application/json' }, credentials }, true, signal);

  return {
    services: ({ signal } = {}) => get<Open311Service[]>(url('/services.json'), signal),
    service: (code, { signal } = {}) => get<Open311ServiceDefinition>(url(`/services/${encodeURIComponent(code)}.json`), signal),
    nearby: (query, { signal } = {}) =>
      get<Open311ServiceRequest[]>(
        url('/requests.json', {
          service_code: query.serviceCode,
          status: query.status ?? 'open',
          lat: query.lat,
          long: query.long,
          radius: query.radius ?? 200,
          extensions,
        }),
        signal,
      ),
    async lookup(reference, { signal } = {}) {
      try {
        const found = await get<Open311ServiceRequest[]>(url(`/requests/${encodeURIComponent(reference)}.json`, { extensions }), signal);
        return found[0] ?? null;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    async submit(report, { photos = [], signal, idempotencyKey: key } = {}) {
      // Checked here: fetch would refuse such a header value, and that would look like no answer.
      if (key !== undefined && !/^[\x21-\x7e]+$/.test(key)) throw new TypeError('felanmalan.submit: idempotencyKey must be visible ASCII characters, for example a UUID');
      const fields = reportFields(report);
      if (options.apiKey) fields.unshift(['api_key', options.apiKey]);
      const headers: Record<string, string> = { accept: 'application/json' };
      let body: FormData | URLSearchParams;
      if (kommunkit) {
        headers[clientHeader] = `sdk/${sdkVersion}`;
        headers[idempotencyHeader] = key ?? idempotencyKey();
        const form = new FormData();
        for (const [name, value] of fields) form.append(name, value);
        photos.forEach((photo, index) => {
          const type = photo.type.split('/')[1] ?? 'jpeg';
          form.append('media', photo, photo instanceof File ? photo.name : `foto-${index + 1}.${type === 'jpeg' ? 'jpg' : type}`);
        });
        body = form;
      } else {
        if (photos.length > 0) throw new TypeError('felanmalan.submit: photos need the kommunkit gateway; an Open311 server takes only media_url');
        body = new URLSearchParams(fields);
      }
      const created = await call<Open311RequestCreated>(url('/requests.json'), { method: 'POST', headers, body, credentials }, kommunkit, signal);
      const first = created[0];
      const reference = first?.service_request_id ?? first?.token;
      if (!reference) throw new ApiError(synthesizeProblem(502, 'Tjänsten tog emot anmälan men svarade utan ärendenummer.'));
      return { reference, notice: first?.service_notice, editToken: first?.edit_token, editableUntil: first?.editable_until };
    },
  };
}

const gatewayFelanmalan = new WeakMap<KommunkitClient, Felanmalan>();

/**
 * Felanmälan at the client's own gateway (`/open311/v2`, jurisdiction = kommun), made once per
 * client. A module of its own rather than a client member, so a page downloads only the
 * service modules of the widgets it shows.
 */
export function felanmalanFor(client: KommunkitClient): Felanmalan {
  let felanmalan = gatewayFelanmalan.get(client);
  if (!felanmalan) {
    const { fetch, retry } = client.options;
    felanmalan = createFelanmalan({ base: `${client.api}/open311/v2`, jurisdiction: client.kommun, server: 'kommunkit', fetch, retry, diagnose: client.diagnose });
    gatewayFelanmalan.set(client, felanmalan);
  }
  return felanmalan;
}
