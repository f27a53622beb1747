import type { FastifyRequest } from 'fastify';
import { assertClean } from '../../../http/hygiene.js';
import { requestHash } from '../../../http/idempotency.js';
import { Open311Error } from './format.js';

/** Form fields as they arrive (form-encoded or multipart): every name with all its values. */
export type Fields = Map<string, string[]>;

/** What an idempotent retry must repeat: every field but the api_key, in name order, and the photos' bytes. */
export function formHash(fields: Fields, uploads: readonly Buffer[]): string {
  const entries = [...fields].filter(([name]) => name !== 'api_key').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
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
