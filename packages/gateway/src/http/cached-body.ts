import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Public answers that depend on configuration alone (the kommun's info, Open311's categories,
 * the lokaler and the units), serialised once and sent as the same bytes to every request,
 * with a strong `ETag` so that browsers and a CDN in front of the gateway revalidate with a
 * `304` instead of downloading them again.
 */

/** A CDN may keep these answers for five minutes; every answer that uses this module says so. */
export const publicCacheControl = 'public, max-age=300';

/** An answer's bytes, their media type and their validator. */
export interface CachedBody {
  readonly bytes: Buffer;
  readonly contentType: string;
  readonly etag: string;
}

/**
 * Bytes as a cached body. The ETag is a hash of the bytes together with their media type and
 * language: two representations that differ only in those (a list with nothing translated,
 * in Swedish and in English) must not share a strong validator (RFC 9110 §8.8.3).
 */
export function cachedBody(text: string | Buffer | ArrayBuffer, contentType: string, language = ''): CachedBody {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.isBuffer(text) ? text : Buffer.from(text);
  const hash = createHash('sha256').update(contentType).update('\0').update(language).update('\0').update(bytes).digest('base64url');
  return { bytes, contentType, etag: `"${hash.slice(0, 22)}"` };
}

/** JSON text as a cached body (as the route's own serializer wrote it: `reply.serialize(value)`). */
export const jsonBody = (text: string | Buffer | ArrayBuffer, language?: string): CachedBody => cachedBody(text, 'application/json; charset=utf-8', language);

/**
 * The bodies made from one source object (a kommun's config, its categories, a lokaler list),
 * one per variant (locale, format, page). Kept in a WeakMap keyed by that object, so a new
 * config (another gateway, a backend that hands out a new list) gets new bytes and the old
 * ones are collected with it. A body made asynchronously is shared by the requests that
 * arrive while it is being made; one that failed is made again by the next request. A client
 * picks the variant (a page and its size), so at most `maxVariants` are kept per object; past
 * that, a body is made for its request alone.
 */
export class BodyCache<Key extends object> {
  readonly #bodies = new WeakMap<Key, Map<string, CachedBody | Promise<CachedBody>>>();

  constructor(private readonly maxVariants = 64) {}

  get(key: Key, variant: string, make: () => CachedBody): CachedBody;
  get(key: Key, variant: string, make: () => CachedBody | Promise<CachedBody>): CachedBody | Promise<CachedBody>;
  get(key: Key, variant: string, make: () => CachedBody | Promise<CachedBody>): CachedBody | Promise<CachedBody> {
    let variants = this.#bodies.get(key);
    if (!variants) this.#bodies.set(key, (variants = new Map<string, CachedBody | Promise<CachedBody>>()));
    const known = variants.get(variant);
    if (known) return known;
    const made = make();
    if (variants.size >= this.maxVariants) return made;
    if (!(made instanceof Promise)) {
      variants.set(variant, made);
      return made;
    }
    const pending = made.then(
      (body) => {
        variants.set(variant, body);
        return body;
      },
      (error: unknown) => {
        variants.delete(variant);
        throw error;
      },
    );
    variants.set(variant, pending);
    return pending;
  }
}

/**
 * The variant of one page of a list that is configuration alone (`BodyCache`'s key within the
 * list): its number and size, while the page holds any of the list's `count` items (page 1
 * always, even of an empty list). Undefined past the end, so such pages are answered without
 * being kept: a client picks the page, and empty ones would only fill the cache.
 */
export const pageVariant = (page: { page: number; pageSize: number; offset: number }, count: number): string | undefined =>
  page.offset < Math.max(count, 1) ? `${String(page.page)} ${String(page.pageSize)}` : undefined;

/** An entity tag in a list (RFC 9110 §8.8.3): optionally weak, then a quoted opaque tag. */
const entityTag = /(?:W\/)?("[\x21\x23-\x7e\x80-\xff]*")/g;

/**
 * Whether `If-None-Match` (RFC 9110 §13.1.2) matches the current representation: `*` does
 * (there is one), and so does a list naming its tag by the weak comparison that a GET uses, so
 * `W/"x"` (as a proxy that compressed the answer may send it back) matches `"x"` too.
 */
export function noneMatchHit(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = etag.startsWith('W/') ? etag.slice(2) : etag;
  // What a browser or CDN sends back is the one tag it was given: no list to read.
  if (header === opaque) return true;
  if (header.trim() === '*') return true;
  for (const [, tag] of header.matchAll(entityTag)) if (tag === opaque) return true;
  return false;
}

/**
 * Sends a cached body: its `ETag` and `Cache-Control` always, and `304 Not Modified` without a
 * body when the request's `If-None-Match` matches. Whatever the route checks (its query, its
 * kommun) it checks before, and headers it set (`Vary`, `Content-Language`) stay on both.
 */
export function sendCached<Reply extends FastifyReply>(request: FastifyRequest, reply: Reply, body: CachedBody, cacheControl = publicCacheControl): Reply {
  const sent: FastifyReply = reply.header('cache-control', cacheControl).header('etag', body.etag);
  if (noneMatchHit(request.headers['if-none-match'], body.etag)) void sent.code(304).send();
  else void sent.type(body.contentType).send(body.bytes);
  return reply;
}
