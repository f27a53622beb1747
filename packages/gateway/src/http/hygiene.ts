import { idempotencyHeader } from '@kommunkit/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { syncHook } from './sync-hook.js';

/**
 * Input hygiene for every route, contract and Open311 alike, before any handler, parser or
 * database sees the values: text that PostgreSQL, XML or JSON cannot carry (NUL, C0 controls
 * other than tab, LF and CR, DEL, lone surrogates), parameters given twice, and JSON nested
 * deeper than any form needs. Each refusal is a 400 that names the field; both error handlers
 * (problem+json and Open311's) already turn a validation error into their own shape.
 */

/** Years every client and PostgreSQL's timestamptz store alike: a date outside them is a 400, not a database error. */
export const storableYears = { min: 1970, max: 9999 } as const;

/** A real date (not Invalid Date, not a leap second) in {@link storableYears}. */
export function isStorableDate(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= storableYears.min && year <= storableYears.max;
}

/** Deeper than any form's data: a draft is an object of answers, some of them lists of objects. */
export const maxJsonDepth = 32;
/** Longest Idempotency-Key: a UUID is 36 characters; this leaves room for a client's own scheme. */
export const maxIdempotencyKeyLength = 200;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Half of a surrogate pair without its other half (PostgreSQL's jsonb refuses it; UTF-8 cannot carry it). */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type TextProblem = 'control' | 'surrogate';

/** What is wrong with a piece of text, if anything. */
export function textProblem(value: string): TextProblem | undefined {
  if (controlCharacter.test(value)) return 'control';
  if (loneSurrogate.test(value)) return 'surrogate';
  return undefined;
}

const messages: Record<TextProblem | 'depth' | 'repeated', string> = {
  control: 'Innehåller ett kontrolltecken som inte kan sparas. Ta bort det och försök igen.',
  surrogate: 'Innehåller ett tecken som inte är giltig text. Ta bort det och försök igen.',
  depth: `Är nästlad i fler än ${String(maxJsonDepth)} nivåer.`,
  repeated: 'Får bara anges en gång.',
};

type Context = 'params' | 'querystring' | 'body' | 'headers';

/**
 * A 400 shaped like Fastify's own validation errors, so the problem+json handler names the
 * field by JSON Pointer (`/querystring/status`) and the Open311 handler by name.
 */
export class BadInput extends Error {
  readonly statusCode = 400;
  readonly validation: { instancePath: string; keyword: string; params: Record<string, unknown>; message: string }[];

  constructor(
    readonly validationContext: Context,
    path: string,
    detail: string,
  ) {
    super(detail);
    this.validation = [{ instancePath: path, keyword: 'hygiene', params: { detail }, message: detail }];
  }
}

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

type Entry = { value: unknown; key: string; parent: Entry | null; depth: number };

/** A value's JSON Pointer, spelled out only when it is refused, from the chain of keys that led to it. */
function pointerOf(entry: Entry | null): string {
  const keys: string[] = [];
  for (let at = entry; at?.parent; at = at.parent) keys.push(escapePointer(at.key));
  return keys.reverse().map((key) => `/${key}`).join('');
}

/**
 * The first bad value in a parsed body or parameter object, walked without recursion so that
 * a hostile nesting cannot overflow the stack; `null` when everything is clean. Every request
 * walks its parameters, nearly always clean and flat, so nothing is allocated for a string.
 */
export function findBadValue(root: unknown): { path: string; reason: keyof typeof messages } | null {
  const stack: Entry[] = [{ value: root, key: '', parent: null, depth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value, depth } = entry;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return { path: pointerOf(entry), reason: problem };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxJsonDepth) return { path: pointerOf(entry), reason: 'depth' };
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const item = (value as Record<string, unknown>)[key];
      const keyProblem = textProblem(key);
      const itemProblem = typeof item === 'string' ? textProblem(item) : undefined;
      if (keyProblem || itemProblem) return { path: pointerOf({ value: item, key, parent: entry, depth: depth + 1 }), reason: (keyProblem ?? itemProblem)! };
      if (item !== null && typeof item === 'object') stack.push({ value: item, key, parent: entry, depth: depth + 1 });
    }
  }
  return null;
}

/** Throws a BadInput for the first bad value, as the field it came in. */
export function assertClean(context: Context, value: unknown): void {
  const bad = findBadValue(value);
  if (bad) throw new BadInput(context, bad.path, messages[bad.reason]);
}

/** Query parameters are single-valued everywhere (Open311 lists are comma-separated). */
function assertSingleValued(query: unknown): void {
  if (!query || typeof query !== 'object') return;
  for (const [name, value] of Object.entries(query)) if (Array.isArray(value)) throw new BadInput('querystring', `/${escapePointer(name)}`, messages.repeated);
}

/** An Idempotency-Key that is present must be usable: not empty, not huge, visible ASCII only. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers[idempotencyHeader];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\x21-\x7e]+$/.test(value) || value.length > maxIdempotencyKeyLength) {
    throw new BadInput('headers', `/${idempotencyHeader}`, `Ska vara 1–${String(maxIdempotencyKeyLength)} synliga ASCII-tecken, till exempel ett UUID.`);
  }
  return value;
}

export function installInputHygiene(app: FastifyInstance): void {
  app.addHook(
    'onRequest',
    syncHook((request) => {
      idempotencyKeyOf(request);
      const type = request.headers['content-type'];
      // Busboy would throw deep inside the handler; say what is wrong before the body is read.
      if (type && /^multipart\/form-data\b/i.test(type) && !/;\s*boundary=("?)[^";]+\1/i.test(type)) {
        throw new BadInput('headers', '/content-type', 'multipart/form-data saknar boundary.');
      }
    }),
  );
  app.addHook(
    'preValidation',
    syncHook((request) => {
      assertSingleValued(request.query);
      assertClean('params', request.params);
      assertClean('querystring', request.query);
      assertClean('body', request.body);
    }),
  );
}
