import type { FieldError, Problem, ProblemType } from '@kommunkit/contract';
import { problemMediaType, problemTitles, problemTypes } from '@kommunkit/contract/routes';

/**
 * The gateway answered with an error status. `problem` holds its RFC 9457 problem details
 * (synthesized when the answer was not problem+json, e.g. from a proxy), `type` is the stable
 * URN to branch on, and `title`/`detail` are Swedish texts fit to show the citizen.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly problem: Problem;
  /** JSON Pointer (e.g. `/body/data/beskrivning`) → Swedish message, one per invalid field. */
  readonly fieldErrors: ReadonlyMap<string, string>;
  /** How long the gateway asked us to wait (`Retry-After`), in milliseconds, when it did. */
  readonly retryAfterMs: number | undefined;

  constructor(problem: Problem, options: { retryAfterMs?: number | undefined } = {}) {
    super(problem.detail ?? problem.title);
    this.status = problem.status;
    this.problem = problem;
    this.retryAfterMs = options.retryAfterMs;
    const fieldErrors = new Map<string, string>();
    for (const error of problem.errors ?? []) if (!fieldErrors.has(error.pointer)) fieldErrors.set(error.pointer, error.detail);
    this.fieldErrors = fieldErrors;
  }

  get type(): string {
    return this.problem.type;
  }

  get title(): string {
    return this.problem.title;
  }

  get detail(): string | undefined {
    return this.problem.detail;
  }

  /**
   * The messages for one field. `field` is a JSON Pointer (`/body/data/namn`, matched exactly),
   * a field name (`namn`, matching the pointer's last segment) or a dotted path
   * (`adress.gata`, matching its last segments).
   */
  errorsFor(field: string): string[] {
    if (field.startsWith('/')) {
      const detail = this.fieldErrors.get(field);
      return detail === undefined ? [] : [detail];
    }
    const wanted = field.split('.');
    const matches: string[] = [];
    for (const [pointer, detail] of this.fieldErrors) {
      const segments = pointer
        .split('/')
        .slice(1)
        .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
      const tail = segments.slice(-wanted.length);
      if (tail.length === wanted.length && tail.every((segment, index) => segment === wanted[index])) matches.push(detail);
    }
    return matches;
  }

  /** The first message for a field (see {@link errorsFor}), or undefined when it is valid. */
  fieldError(field: string): string | undefined {
    return this.errorsFor(field)[0];
  }
}

/**
 * The request never got an answer: the network failed, the gateway could not be reached, or
 * the browser is offline (`offline`). `cause` is what `fetch` rejected with.
 */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  /** The browser reported itself offline when the request failed. */
  readonly offline: boolean;

  constructor(cause: unknown) {
    const offline = (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;
    super(
      offline
        ? 'Du verkar sakna internetanslutning. Kontrollera anslutningen och försök igen.'
        : 'Det gick inte att nå tjänsten. Försök igen om en stund.',
      { cause },
    );
    this.offline = offline;
  }
}

/** A problem for an error answer that did not carry one (a proxy's HTML page, an empty body). */
export function synthesizeProblem(status: number, detail?: string): Problem & { type: ProblemType } {
  const type = status === 429 ? problemTypes.rateLimited : status >= 502 && status <= 504 ? problemTypes.unavailable : problemTypes.internal;
  return { type, title: problemTitles[type], status: status >= 400 && status <= 599 ? status : 502, ...(detail === undefined ? {} : { detail }) };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The problem details in an error answer's body, or a synthesized one when there are none. */
export function problemFrom(status: number, contentType: string | null, text: string): Problem {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType === problemMediaType || mediaType === 'application/json') {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (isRecord(body) && typeof body.type === 'string' && typeof body.title === 'string') {
      const errors: FieldError[] = (Array.isArray(body.errors) ? (body.errors as unknown[]) : [])
        .filter(isRecord)
        .flatMap((error) => (typeof error.pointer === 'string' && typeof error.detail === 'string' ? [{ pointer: error.pointer, detail: error.detail }] : []));
      return {
        type: body.type,
        title: body.title,
        // The status line is authoritative; a body can be copied from elsewhere.
        status,
        ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
        ...(typeof body.instance === 'string' ? { instance: body.instance } : {}),
        ...(errors.length > 0 ? { errors } : {}),
      };
    }
  }
  return synthesizeProblem(status);
}
