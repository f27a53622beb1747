import type { Open311Errors } from '@kommunkit/contract';
import type { FastifyReply } from 'fastify';
import { create } from 'xmlbuilder2';

export type Format = 'json' | 'xml';

/** An Open311 error answer: HTTP status plus the spec's `[{code, description}]` body. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 405 | 413 | 415 | 429 | 500 | 502 | 503,
    readonly errors: Open311Errors,
  ) {
    super(errors.map((error) => error.description).join('; '));
  }

  static of(status: Open311Error['status'], description: string, field?: string): Open311Error {
    return new Open311Error(status, [{ code: status, description, ...(field ? { field } : {}) }]);
  }
}

type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

/**
 * Open311's XML: a root element, one child element per item, and nested lists wrapped in
 * their plural element (`<attributes><attribute>`). `lists` names the wrapper and item
 * element of each list-valued field.
 */
function toXml({ root, item, lists = {} }: XmlShape, body: object | readonly object[]): string {
  const convert = (value: unknown): XmlValue => {
    if (Array.isArray(value)) return value.map(convert);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, field]) => field !== undefined && field !== null)
          .map(([key, field]) => {
            const child = lists[key];
            return [key, child && Array.isArray(field) ? { [child]: field.map(convert) } : convert(field)];
          }),
      );
    }
    return value as XmlValue;
  };
  const content = Array.isArray(body) ? { [item]: body.map(convert) } : convert(body);
  return create({ version: '1.0', encoding: 'utf-8' }, { [root]: content } as never).end({ prettyPrint: false });
}

export interface XmlShape {
  root: string;
  /** Element of each item when the body is a list. */
  item: string;
  lists?: Record<string, string>;
}

/** Sends an Open311 resource as JSON or XML, as the path's suffix asked. */
export function sendOpen311(reply: FastifyReply, format: Format, body: object | readonly object[], shape: XmlShape): FastifyReply {
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(shape, body));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
}

export function sendOpen311Error(reply: FastifyReply, format: Format, error: Open311Error): FastifyReply {
  return sendOpen311(reply.code(error.status), format, error.errors, { root: 'errors', item: 'error' });
}

export const shapes = {
  services: { root: 'services', item: 'service' },
  definition: { root: 'service_definition', item: 'attribute', lists: { attributes: 'attribute', values: 'value' } },
  requests: { root: 'service_requests', item: 'request', lists: { status_history: 'change', media_urls: 'media_url' } },
  tokens: { root: 'service_requests', item: 'request' },
  discovery: { root: 'discovery', item: 'endpoint', lists: { endpoints: 'endpoint', formats: 'format' } },
} satisfies Record<string, XmlShape>;
