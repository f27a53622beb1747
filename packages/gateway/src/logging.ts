import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import pino, { type DestinationStream, type LoggerOptions } from 'pino';

/**
 * Personal data must never reach a log. Fields such as a cookie or a personnummer are censored
 * by name, but a personnummer can also hide in a URL, a message or an error text, so those
 * strings are scrubbed by pattern: personnummer and samordningsnummer (with or without century
 * and separator), e-mail addresses and Swedish phone numbers.
 *
 * Logging must stay linear in its input and cheap, whatever a client sends: every string is cut
 * to a bounded length before any pattern runs, every pattern has bounded quantifiers only (no
 * backtracking over a long run of word characters), strings that cannot hold any of the data
 * (no digit, no '@') are not scanned at all, and only what the log line carries is looked at:
 * never a whole request or reply object.
 */

/** Longest string written to a log; the rest is cut and the cut marked. */
export const maxLoggedLength = 2048;
/** Scanned beyond the cut, so that an identity number or address across it is still replaced whole. */
const scanMargin = 512;
const maxDepth = 5;
const maxEntries = 64;
const maxStackLength = 16_384;
/**
 * Fields whose value is never logged, at any depth. Checked in the same walk that scrubs, which
 * costs next to nothing; pino's `redact` would add a second pass over every line.
 */
const censoredKey = /^(?:cookie|authorization|set-cookie|personnummer|password)$/i;
const censored = '[dolt]';

const email = /[\p{L}\p{N}_.+-]{1,64}(?:@|%40)[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/gu;
const personnummer = /(?<!\d)(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01])[-+]?\d{4}(?!\d)/g;
// +46, 0046 or 0, then 7–9 digits with single spaces, dashes (or a URL's '+') between them.
const phone = /(?<![\w+])(?:\+46|0046|0)(?:[\s+-]?\d){7,9}(?!\d)/g;
// Both an identity number and a phone number have at least 8 digits, at most one character apart.
const enoughDigits = /\d(?:\D?\d){7}/;
/** What every pattern needs: a digit, an '@' or a '%' (of %40). Most log strings have none. */
const candidate = /[\d@%]/;

function replacePatterns(text: string): string {
  if (!candidate.test(text)) return text;
  let result = text;
  if (result.includes('@') || result.includes('%40')) result = result.replace(email, '[e-post]');
  if (enoughDigits.test(result)) result = result.replace(personnummer, '[personnummer]').replace(phone, '[telefon]');
  return result;
}

/** A string as it may be logged: bounded in length, personal data replaced. */
export function scrubText(text: string, limit = maxLoggedLength): string {
  if (text.length <= limit) return replacePatterns(text);
  const scrubbed = replacePatterns(text.slice(0, limit + scanMargin));
  return `${scrubbed.slice(0, limit)}…[cut: ${String(text.length)} characters]`;
}

/** Percent-decodes what it can, run by run, so one bad escape does not hide the rest. */
function percentDecoded(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * A URL as it may be logged. A personnummer or address may arrive percent-encoded
 * (`anna%40exempel.se`, `070%20123%2045%2067`): the decoded form is scrubbed too, and logged
 * when it had something to hide; otherwise the URL is logged as sent.
 */
export function scrubUrl(url: string): string {
  const bounded = url.length > maxLoggedLength + scanMargin ? url.slice(0, maxLoggedLength + scanMargin) : url;
  const scrubbed = scrubText(url);
  if (!bounded.includes('%')) return scrubbed;
  const decoded = percentDecoded(bounded);
  const decodedScrubbed = replacePatterns(decoded);
  if (decodedScrubbed === decoded) return scrubbed;
  return decodedScrubbed.length > maxLoggedLength
    ? `${decodedScrubbed.slice(0, maxLoggedLength)}…[cut: ${String(url.length)} characters]`
    : decodedScrubbed;
}

/** Stack frames kept as they are (paths with '@', line:column); every other line (messages, "caused by") scrubbed. */
function scrubStack(stack: string): string {
  const bounded = stack.length > maxStackLength ? `${stack.slice(0, maxStackLength)}…[cut]` : stack;
  return bounded
    .split('\n')
    .map((line) => (/^\s+at /.test(line) ? line : scrubText(line)))
    .join('\n');
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Pino's error shape (type, message, stack, own fields, cause), scrubbed and bounded. */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return scrub(error, depth);
  const result: Record<string, unknown> = {
    type: error.constructor.name || error.name,
    message: scrubText(error.message),
    stack: typeof error.stack === 'string' ? scrubStack(error.stack) : undefined,
  };
  let entries = 0;
  for (const key of Object.keys(error)) {
    if (key === 'message' || key === 'stack' || key === 'cause' || ++entries > maxEntries) continue;
    result[key] = scrubField(key, (error as unknown as Record<string, unknown>)[key], depth + 1);
  }
  if (error.cause !== undefined) result.cause = depth < maxDepth ? serializeError(error.cause, depth + 1) : '[…]';
  if (error instanceof AggregateError && Array.isArray(error.errors) && depth < maxDepth) {
    result.aggregateErrors = error.errors.slice(0, 8).map((item: unknown) => serializeError(item, depth + 1));
  }
  return result;
}

function scrubField(key: string, value: unknown, depth: number): unknown {
  if (censoredKey.test(key)) return censored;
  return key === 'url' && typeof value === 'string' ? scrubUrl(value) : scrub(value, depth);
}

/**
 * A value as it may be logged: strings scrubbed, plain objects and arrays walked to a bounded
 * depth and width, errors in pino's shape. Other class instances (a request, a socket, a
 * buffer) are named, not walked: they are unbounded and may carry anything.
 */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return serializeError(value, depth);
  if (value instanceof Date) return value;
  if (depth >= maxDepth) return '[…]';
  if (Array.isArray(value)) {
    const items = value.slice(0, maxEntries).map((item: unknown) => scrub(item, depth + 1));
    return value.length > maxEntries ? [...items, `[…${String(value.length - maxEntries)} more]`] : items;
  }
  if (value instanceof URL) return scrubUrl(value.href);
  if (!isPlainObject(value)) return `[${(value as { constructor?: { name?: string } }).constructor?.name || 'object'}]`;
  const result: Record<string, unknown> = {};
  let entries = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (++entries > maxEntries) {
      result['…'] = 'more fields left out';
      break;
    }
    result[key] = scrubField(key, (value as Record<string, unknown>)[key], depth + 1);
  }
  return result;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  id?: string;
  routeOptions?: { url?: string };
}

/** Keys with a serializer of their own: the log formatter leaves them to it. */
const serializers = {
  req: (req: LoggedRequest) => ({
    method: req.method,
    url: typeof req.url === 'string' ? scrubUrl(req.url) : undefined,
    route: req.routeOptions?.url,
    id: req.id,
  }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
  err: (error: unknown) => serializeError(error),
  // Every message, including one pino takes from an error or builds from format arguments.
  msg: (message: unknown) => (typeof message === 'string' ? scrubText(message) : scrub(message)),
};

export function loggerOptions(level = process.env.LOG_LEVEL ?? 'info'): LoggerOptions {
  return {
    level,
    serializers,
    formatters: {
      // Runs before the serializers, on the logged object only (never on the bindings of a
      // child logger, which the gateway sets itself): each field without a serializer is
      // scrubbed, and cookies, credentials and personnummer fields are censored.
      log(object) {
        const result: Record<string, unknown> = {};
        for (const key in object) {
          if (!Object.prototype.hasOwnProperty.call(object, key)) continue;
          result[key] = key in serializers ? object[key] : scrubField(key, object[key], 1);
        }
        return result;
      },
    },
  };
}

/**
 * Where production logs go (stdout by default). Lines are gathered up to 8 KB and written
 * together, and at least every second: one write per access line cost more than the rest of
 * logging. Pino flushes what is left when the process exits, even on a crash; a kill -9 loses
 * at most a second of lines. The buffer is capped, so a stalled log pipe drops lines instead of
 * filling the memory.
 */
export function logDestination(dest: string | number = 1): DestinationStream {
  return pino.destination({ dest, sync: false, minLength: 8192, periodicFlush: 1000, maxLength: 16 * 1024 * 1024 });
}

/** The gateway's logger in production: {@link loggerOptions} writing to {@link logDestination}. */
export function productionLogger(dest?: string | number, level?: string): NonNullable<FastifyServerOptions['logger']> {
  return { ...loggerOptions(level), stream: logDestination(dest) };
}

/**
 * Fastify's request logging, replaced: one access line per request, when the response is
 * sent, with what an operator needs (method, route pattern, URL, status, duration; the request
 * id comes from the request's logger), instead of an "incoming request" line without status
 * and a "request completed" line without method or URL. A route's `logLevel` still applies,
 * since the line is written through the request's own logger (health and ready log at warn).
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {
    // One line per request, written when it completes.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = {
      method: request.method,
      url: request.url,
      route: request.routeOptions.url ?? null,
      statusCode: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime * 100) / 100,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
