import type { FastifyRequest } from 'fastify';
import { assertClean } from '../../../http/hygiene.js';
import { requestHash } from '../../../http/idempotency.js';
import { Open311Error } from './format.js';
import type { Query } from './query.js';

/** Form fields as they arrive (form-encoded or multipart): every name with all its values. */
export type Fields = Map<string, string[]>;

/**
 * What an idempotent retry must repeat: every field but the api_key and the jurisdiction_id (a
 * key is the kommun's already, wherever the client named it), in name order, and the photos' bytes.
 */
export function formHash(fields: Fields, uploads: readonly Buffer[]): string {
  const entries = [...fields].filter(([name]) => name !== 'api_key' && name !== 'jurisdiction_id').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return requestHash([...entries.flatMap(([name, values]) => [name, String(values.length), ...values]), String(uploads.length), ...uploads]);
}

/** Reads a form-encoded or multipart body into fields and photo uploads (buffered, size-limited). */
export async function readForm(request: FastifyRequest): Promise<{ fields: Fields; uploads: Buffer[] }> {
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

/**
 * The POST arguments this gateway has always also read from the query string. GeoReport v2
 * lists them among the form's, so a standard client sends them in the body.
 */
const queryPostArguments = ['jurisdiction_id', 'api_key'] as const;

/**
 * The form's fields with `jurisdiction_id` and `api_key` taken from the body or the query
 * string, one value each. An empty value is no value. Given twice in the body, or in both
 * places with different values, is a 400 naming the field: picking one would file the report
 * with a kommun or a key the client may not have meant.
 */
export function withQueryArguments(fields: Fields, query: Query): Fields {
  const merged: Fields = new Map(fields);
  for (const name of queryPostArguments) {
    const inBody = [...new Set((fields.get(name) ?? []).filter((value) => value !== ''))];
    if (inBody.length > 1) throw Open311Error.of(400, `Ange ${name} en gång i formuläret.`, name);
    const inQuery = query[name] || undefined;
    if (inBody[0] !== undefined && inQuery !== undefined && inBody[0] !== inQuery) {
      throw Open311Error.of(400, `${name} i webbadressen och i formuläret skiljer sig åt. Ange ${name} på ett ställe, eller samma värde på båda.`, name);
    }
    const value = inBody[0] ?? inQuery;
    if (value === undefined) merged.delete(name);
    else merged.set(name, [value]);
  }
  return merged;
}
