import type { Open311Errors } from '@kommunkit/contract';
import type { FastifyReply } from 'fastify';
import { pathOf } from '../../../http/paths.js';

export type Format = 'json' | 'xml';

/** The statuses an Open311 error answer may have. */
export const open311ErrorStatuses = [400, 403, 404, 405, 408, 413, 414, 415, 422, 429, 431, 500, 502, 503] as const;

/** An Open311 error answer: HTTP status plus the spec's `[{code, description}]` body. */
export class Open311Error extends Error {
  constructor(
    readonly status: (typeof open311ErrorStatuses)[number],
    readonly errors: Open311Errors,
  ) {
    super(errors.map((error) => error.description).join('; '));
  }

  static of(status: Open311Error['status'], description: string, field?: string): Open311Error {
    return new Open311Error(status, [{ code: status, description, ...(field ? { field } : {}) }]);
  }
}

/** Every path under this prefix answers errors in Open311's shape; everything else in problem+json. */
export const open311PathPrefix = '/open311/';

/** The one rule every error answer follows: which shape a URL's errors take. */
export function errorShapeOf(url: string): 'problem' | Format {
  const path = pathOf(url);
  if (!path.startsWith(open311PathPrefix)) return 'problem';
  return path.endsWith('.xml') ? 'xml' : 'json';
}

/**
 * What XML 1.0 cannot carry at all, not even as a character reference: C0 controls other than
 * tab, LF and CR, lone surrogates (the `u` flag matches them, not valid pairs), U+FFFE and U+FFFF.
 * Written through as they are, they make the whole document unparseable.
 */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Replaces each such character with U+FFFD, so the reader still sees that something stood there. */
export const xmlSafe = (text: string): string => text.replace(notXmlChar, '\uFFFD');

/** Text content: markup characters escaped, and what XML cannot carry replaced. */
const escapeXml = (text: string): string => xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Open311's XML: a root element, one child element per item, and nested lists wrapped in
 * their plural element (`<attributes><attribute>`). `lists` names the wrapper and item
 * element of each list-valued field. Written here rather than with xmlbuilder2, whose object
 * reader decodes entity-like text (`&#0;` in a citizen's description became a NUL, `&amp;` a
 * bare `&`), so hostile text made the feed unparseable and harmless text came out changed.
 * Element names are the API's own field names, never input.
 */
function toXml({ root, item, lists = {} }: XmlShape, body: object | readonly object[]): string {
  const element = (name: string, value: unknown): string => {
    if (value === undefined || value === null) return '';
    if (Array.isArray(value)) {
      const child = lists[name];
      const items = value.map((entry) => element(child ?? name, entry)).join('');
      return child ? `<${name}>${items}</${name}>` : items;
    }
    if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([key, field]) => element(key, field)).join('')}</${name}>`;
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? `<${name}>${escapeXml(String(value))}</${name}>` : '';
  };
  const content = Array.isArray(body) ? body.map((entry) => element(item, entry)).join('') : Object.entries(body).map(([key, field]) => element(key, field)).join('');
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${content}</${root}>`;
}

export interface XmlShape {
  root: string;
  /** Element of each item when the body is a list. */
  item: string;
  lists?: Record<string, string>;
}

/** An Open311 resource as the media type and text of JSON or XML, as the path's suffix asked. */
export function open311Payload(format: Format, body: object | readonly object[], shape: XmlShape): { contentType: string; text: string } {
  return format === 'xml' ? { contentType: 'text/xml; charset=utf-8', text: toXml(shape, body) } : { contentType: 'application/json; charset=utf-8', text: JSON.stringify(body) };
}

/** Sends an Open311 resource as JSON or XML, as the path's suffix asked. */
export function sendOpen311(reply: FastifyReply, format: Format, body: object | readonly object[], shape: XmlShape): FastifyReply {
  const { contentType, text } = open311Payload(format, body, shape);
  return reply.type(contentType).send(text);
}

const errorShape: XmlShape = { root: 'errors', item: 'error' };

export function sendOpen311Error(reply: FastifyReply, format: Format, error: Open311Error): FastifyReply {
  return sendOpen311(reply.code(error.status), format, error.errors, errorShape);
}

/** An Open311 error as content type and body, for answers written straight to the socket. */
export function open311ErrorBody(format: Format, error: Open311Error): { contentType: string; body: string } {
  return format === 'xml'
    ? { contentType: 'text/xml; charset=utf-8', body: toXml(errorShape, error.errors) }
    : { contentType: 'application/json; charset=utf-8', body: JSON.stringify(error.errors) };
}

export const shapes = {
  services: { root: 'services', item: 'service' },
  definition: { root: 'service_definition', item: 'attribute', lists: { attributes: 'attribute', values: 'value' } },
  requests: { root: 'service_requests', item: 'request', lists: { status_history: 'change', media_urls: 'media_url' } },
  tokens: { root: 'service_requests', item: 'request' },
  discovery: { root: 'discovery', item: 'endpoint', lists: { endpoints: 'endpoint', formats: 'format' } },
} satisfies Record<string, XmlShape>;
