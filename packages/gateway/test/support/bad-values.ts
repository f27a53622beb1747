/**
 * Generated bad input for the "bad input" gateway layer: one catalogue of hostile values, in
 * classes, and the ways each kind of request slot (path segment, query parameter, header, JSON
 * field, form field) can carry them. Every value has a class and a short printable label, so a
 * failure report reads as a to-do list.
 */

export interface BadValue {
  /** Value class, e.g. `control`, `surrogate`, `date-range`. */
  cls: string;
  /** Short printable description for reports. */
  label: string;
  /** The value. Encoded by the slot (percent-encoding, JSON), unless `raw`. */
  text: string;
  /** Put into the URL or form body as it is, without encoding (bad percent-encoding, traversal). */
  raw?: boolean;
  /** Sent to every slot, whatever the sample: the values issue 10 named (so a regression cannot hide). */
  always?: boolean;
}

export interface BadJson {
  cls: string;
  label: string;
  /** JSON text as sent (may be literally invalid JSON where the class says so). */
  json: string;
  always?: boolean;
}

/** A printable, bounded label for any value. */
export function labelOf(text: string, max = 40): string {
  const shown = JSON.stringify(text.length > max ? text.slice(0, max) : text).slice(1, -1);
  return text.length > max ? `${shown}…(${String(text.length)} chars)` : shown;
}

const value = (cls: string, text: string, label = labelOf(text)): BadValue => ({ cls, label, text });
const raw = (cls: string, text: string): BadValue => ({ cls, label: `raw ${labelOf(text)}`, text, raw: true });
const always = <T extends object>(item: T): T => ({ ...item, always: true });

const kb = (n: number, char = 'x') => char.repeat(n * 1024);

/**
 * Hostile strings: every class the issue names. Small values dominate; a few huge ones. URL
 * slots drop what cannot go in a URL (`forUrl`).
 */
export const badStrings: readonly BadValue[] = [
  // NUL and C0 controls, DEL, line breaks
  always(value('control', '\u0000')),
  value('control', 'a\u0000b'),
  always(value('control', '\u0001')),
  always(value('control', '\u001b[31mröd')),
  value('control', '\u007f'),
  value('control', '\u0008\u000b\u000c'),
  value('control', '\u001f'),
  value('control', 'rad\r\nX-Injected: 1'),
  value('control', '\u0085'),
  // lone surrogates (sent as their invalid 3-byte form, ED A0 80)
  always(value('surrogate', '\ud800')),
  value('surrogate', '\udfff'),
  value('surrogate', 'a\udbffb'),
  value('surrogate', '\udc00\ud800'),
  // empty and whitespace only
  always(value('empty', '')),
  value('whitespace', ' '),
  always(value('whitespace', '   \t  ')),
  value('whitespace', '\n'),
  value('whitespace', '\u00a0\u3000'),
  value('whitespace', '\u2028\u2029'),
  // dates out of range or impossible
  always(value('date-range', '-271821-04-20')),
  always(value('date-range', '275760-09-14')),
  value('date-range', '+275760-09-13T00:00:00.000Z'),
  value('date-range', '-271821-04-20T00:00:00Z'),
  always(value('date-range', '0000-00-00')),
  value('date-range', '0000-01-01T00:00:00Z'),
  always(value('date-range', '2026-13-45')),
  always(value('date-range', '2026-02-30T00:00:00Z')),
  always(value('date-range', '2026-12-31T23:59:60Z')),
  value('date-range', '2026-11-01T00:00:00+25:00'),
  value('date-range', '9999-12-31T23:59:59.999999999Z'),
  value('date-range', '1'),
  value('date-range', '-1'),
  // numbers out of range
  always(value('number-range', '1e308')),
  value('number-range', '-1e308'),
  value('number-range', '1e309'),
  always(value('number-range', 'NaN')),
  value('number-range', 'Infinity'),
  value('number-range', '-Infinity'),
  value('number-range', '-0'),
  value('number-range', '9007199254740993'),
  value('number-range', '0x1F'),
  value('number-range', '1e-400'),
  value('number-range', '99999999999999999999999999999999999999'),
  value('number-range', '58,4'),
  // unicode edge cases
  value('unicode', '\u202eredro\u202c'),
  value('unicode', 'a\u200bb\u200d'),
  value('unicode', 'e\u0301\u0308\u0323\u0301\u0308\u0323'),
  value('unicode', 'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035a\u035b'.repeat(20)),
  value('unicode', '😀👨‍👩‍👧‍👦🏳️‍🌈'),
  value('unicode', '\ufffe\uffff'),
  value('unicode', '\ufeffbom'),
  value('unicode', '\ufffd'),
  value('unicode', '\u{10ffff}'),
  value('unicode', 'İıﬃß'),
  // prototype pollution keys
  always(value('prototype', '__proto__')),
  value('prototype', 'constructor'),
  value('prototype', 'prototype'),
  value('prototype', 'hasOwnProperty'),
  // SQL, XML, HTML and template metacharacters
  always(value('metachar', "' OR '1'='1' --")),
  value('metachar', '"; DROP TABLE report; --'),
  always(value('metachar', '<script>alert(1)</script>')),
  value('metachar', ']]></x><![CDATA['),
  always(value('metachar', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;')),
  always(value('metachar', '&amp;&lt;&#0;&#x1;')),
  value('metachar', '${jndi:ldap://x/a}{{7*7}}'),
  value('metachar', '%s%n%x'),
  value('metachar', '\\'),
  value('metachar', ',,,'),
  value('metachar', '*'),
  value('metachar', "$where: '1'"),
  // path traversal, encoded by the slot
  always(value('traversal', '../')),
  value('traversal', '../../../etc/passwd'),
  value('traversal', '..\\..\\windows'),
  value('traversal', '/'),
  // bad percent-encoding and traversal, as raw URL text
  always(raw('percent', '%')),
  always(raw('percent', '%E0%A4%A')),
  always(raw('percent', '%00')),
  raw('percent', '%ZZ'),
  raw('percent', '%C0%AF'),
  raw('percent', '%ED%A0%80'),
  raw('percent', '%FF%FE'),
  raw('percent', '%u0041'),
  raw('percent', '%2'),
  always(raw('traversal', '%2e%2e%2f%2e%2e%2f')),
  raw('traversal', '..%2f..%2f'),
  raw('traversal', '%252e%252e%252f'),
  // huge
  value('huge', kb(10), '10 KB of x'),
  always(value('huge', 'x'.repeat(15_000), '15,000 x (one word)')),
  value('huge', 'a@'.repeat(5000), '"a@" x 5000'),
  value('huge', '0'.repeat(10_000), '10,000 digits'),
  value('huge', kb(100), '100 KB of x'),
];

/** Values a URL can carry at all: 100 KB is kept (a clean 414/431 is expected), 1 MB never appears. */
export const forUrl = (values: readonly BadValue[]): BadValue[] => [...values];

/** The same for a header value: everything, raw bytes included. */
export const forHeader = (values: readonly BadValue[]): BadValue[] => values.filter((item) => !item.raw || item.cls === 'percent');

/** Structural query mischief for one parameter: duplicates, qs-style arrays and objects, no value. */
export function queryShapes(name: string, valid: string): { cls: string; label: string; query: string }[] {
  const n = encodeURIComponent(name);
  const v = encodeURIComponent(valid);
  return [
    { cls: 'duplicate', label: `${name} twice`, query: `${n}=${v}&${n}=${v}x` },
    { cls: 'duplicate', label: `${name} twice, same value`, query: `${n}=${v}&${n}=${v}` },
    { cls: 'duplicate', label: `${name} twice, one empty`, query: `${n}=${v}&${n}=` },
    { cls: 'duplicate', label: `${name} 1000 times`, query: Array.from({ length: 1000 }, () => `${n}=${v}`).join('&') },
    { cls: 'shape', label: `${name}[]`, query: `${n}%5B%5D=${v}` },
    { cls: 'shape', label: `${name}[0], ${name}[1]`, query: `${n}[0]=${v}&${n}[1]=${v}` },
    { cls: 'shape', label: `${name}[a]=b (object)`, query: `${n}[a]=b` },
    { cls: 'shape', label: `${name}[__proto__]`, query: `${n}[__proto__][x]=1` },
    { cls: 'shape', label: `${name} without =`, query: n },
    { cls: 'shape', label: `=value (no name) and ${name}`, query: `=x&${n}=${v}` },
    { cls: 'shape', label: `${name} with ; separator`, query: `${n}=${v};${n}=y` },
  ];
}

const jsonOf = (cls: string, json: string, label = labelOf(json)): BadJson => ({ cls, label, json });

const nested = (depth: number, open: string, close: string, inner = '0') => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

/** Wrong-typed, out-of-range and oversized JSON values for one field (as JSON text). */
export const badJsonValues: readonly BadJson[] = [
  always(jsonOf('type', 'null')),
  jsonOf('type', 'true'),
  jsonOf('type', 'false'),
  jsonOf('type', '0'),
  jsonOf('type', '-0'),
  jsonOf('type', '1.5'),
  always(jsonOf('type', '[]')),
  jsonOf('type', '[""]'),
  jsonOf('type', '["mottagen","mottagen"]'),
  jsonOf('type', '{}'),
  jsonOf('type', '{"a":1}'),
  jsonOf('type', '""'),
  jsonOf('number-range', '1e308'),
  jsonOf('number-range', '-1e308'),
  always(jsonOf('number-range', '1e400')),
  jsonOf('number-range', '-1e400'),
  jsonOf('number-range', '9007199254740993'),
  jsonOf('number-range', '123456789012345678901234567890e999999999'),
  always(jsonOf('nesting', nested(20_000, '[', ']'), '20,000 nested arrays')),
  jsonOf('nesting', nested(10_000, '{"a":', '}'), '10,000 nested objects'),
  jsonOf('nesting', nested(1000, '[', ']'), '1,000 nested arrays'),
  always(jsonOf('prototype', '{"__proto__":{"polluted":true}}')),
  jsonOf('prototype', '{"constructor":{"prototype":{"polluted":true}}}'),
  jsonOf('prototype', '{"a":{"__proto__":{"polluted":true}}}'),
  jsonOf('huge', JSON.stringify(kb(60)), '60 KB string'),
  jsonOf('huge', JSON.stringify(kb(100)), '100 KB string'),
  jsonOf('huge', JSON.stringify(kb(1024)), '1 MB string'),
  jsonOf('huge', `[${Array.from({ length: 30_000 }, () => '0').join(',')}]`, '30,000-element array'),
  jsonOf('huge', `{${Array.from({ length: 5000 }, (_, index) => `"k${String(index)}":${String(index)}`).join(',')}}`, '5,000 keys'),
  jsonOf('duplicate', '{"a":1,"a":2}'),
];

/** Every bad string as a JSON string value. Lone surrogates go out as `\ud800` escapes (JSON.stringify's own form). */
export const badJsonStrings = (values: readonly BadValue[] = badStrings): BadJson[] =>
  values.filter((item) => !item.raw).map((item) => ({ ...jsonOf(item.cls, JSON.stringify(item.text), `"${item.label}"`), ...(item.always ? { always: true } : {}) }));

/** Whole JSON bodies that are not what any route expects. */
export const badJsonBodies: readonly BadJson[] = [
  jsonOf('body', ''),
  jsonOf('body', ' '),
  jsonOf('body', 'null'),
  jsonOf('body', '[]'),
  jsonOf('body', '"text"'),
  jsonOf('body', '0'),
  jsonOf('body', '{'),
  jsonOf('body', '{"data":{}}x'),
  jsonOf('body', '{"data":{},}'),
  jsonOf('body', "{'data':{}}"),
  jsonOf('body', '\ufeff{"data":{}}', 'BOM then JSON'),
  jsonOf('body', '{"data":{}}\u0000', 'JSON then NUL'),
  jsonOf('nesting', nested(20_000, '[', ']'), '20,000 nested arrays as body'),
  jsonOf('nesting', nested(15_000, '{"data":', '}', '{}'), '15,000 nested data objects as body'),
  jsonOf('prototype', '{"__proto__":{"polluted":true},"data":{}}'),
  jsonOf('prototype', '{"constructor":{"prototype":{"polluted":true}},"data":{}}'),
  jsonOf('duplicate', '{"data":{},"data":[]}'),
  jsonOf('huge', `{"data":{"t":${JSON.stringify(kb(2048))}}}`, '2 MB body'),
];

/** Content-Type values for a body of JSON or form data. */
export const badContentTypes: readonly BadValue[] = [
  value('content-type', 'text/plain'),
  value('content-type', 'application/x-www-form-urlencoded'),
  value('content-type', 'multipart/form-data'),
  value('content-type', 'multipart/form-data; boundary='),
  value('content-type', 'multipart/form-data; boundary="'),
  value('content-type', `multipart/form-data; boundary=${'b'.repeat(200)}`),
  value('content-type', 'application/json; charset=latin1'),
  value('content-type', 'application/json; charset=utf-16'),
  value('content-type', 'application/json; charset="'),
  value('content-type', 'application/json, text/plain'),
  value('content-type', 'application/json;;;;'),
  value('content-type', 'application/problem+json'),
  value('content-type', 'application/xml'),
  value('content-type', 'application/octet-stream'),
  value('content-type', 'image/jpeg'),
  value('content-type', '*/*'),
  value('content-type', 'application/'),
  value('content-type', '/'),
  value('content-type', ';'),
  value('content-type', 'APPLICATION/JSON'),
];

/** Accept values (for content negotiation code). */
export const badAccepts: readonly BadValue[] = [
  value('accept', 'application/xml'),
  value('accept', 'text/html;q=abc'),
  value('accept', '*/*;q=-1'),
  value('accept', 'application/json;q=1e309'),
  value('accept', `${'a/b,'.repeat(2000)}c/d`, '2,000 media ranges'),
];

/** Multipart bodies that are broken as multipart. `boundary` is the one the Content-Type names. */
export function badMultipartBodies(boundary: string, validFields: Record<string, string>): { cls: string; label: string; body: Buffer }[] {
  const part = (name: string, content: string, extra = '') =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n${content}\r\n`;
  const fields = Object.entries(validFields).map(([name, content]) => part(name, content)).join('');
  const end = `--${boundary}--\r\n`;
  const jpegHeader = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
  return [
    { cls: 'multipart', label: 'no closing boundary', body: Buffer.from(fields) },
    { cls: 'multipart', label: 'empty body', body: Buffer.alloc(0) },
    { cls: 'multipart', label: 'other boundary', body: Buffer.from(`--other\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--other--\r\n`) },
    { cls: 'multipart', label: 'part without headers', body: Buffer.from(`${fields}--${boundary}\r\n\r\nx\r\n${end}`) },
    { cls: 'multipart', label: 'part without name', body: Buffer.from(`${fields}--${boundary}\r\nContent-Disposition: form-data\r\n\r\nx\r\n${end}`) },
    { cls: 'multipart', label: 'name with NUL', body: Buffer.from(`${fields}${part('a\u0000b', 'x')}${end}`) },
    { cls: 'multipart', label: 'name __proto__', body: Buffer.from(`${fields}${part('__proto__', 'x')}${end}`) },
    { cls: 'multipart', label: 'file in another field', body: Buffer.from(`${fields}${part('photo', 'x', '; filename="a.jpg"\r\nContent-Type: image/jpeg')}${end}`) },
    {
      cls: 'multipart',
      label: 'media that is not an image',
      body: Buffer.from(`${fields}${part('media', 'this is text', '; filename="a.jpg"\r\nContent-Type: image/jpeg')}${end}`),
    },
    {
      cls: 'multipart',
      label: 'truncated JPEG',
      body: Buffer.concat([Buffer.from(`${fields}--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), jpegHeader, Buffer.from(`\r\n${end}`)]),
    },
    {
      cls: 'multipart',
      label: 'filename with traversal and NUL',
      body: Buffer.from(`${fields}${part('media', 'x', '; filename="../../etc/passwd\u0000.jpg"\r\nContent-Type: image/jpeg')}${end}`),
    },
    { cls: 'multipart', label: '4 photos', body: Buffer.from(`${fields}${[1, 2, 3, 4].map(() => part('media', 'x', '; filename="a.jpg"\r\nContent-Type: image/jpeg')).join('')}${end}`) },
    { cls: 'multipart', label: '100 fields', body: Buffer.from(`${fields}${Array.from({ length: 100 }, (_, index) => part(`f${String(index)}`, 'x')).join('')}${end}`) },
    { cls: 'multipart', label: 'field of 100 KB', body: Buffer.from(`${fields}${part('description', kb(100))}${end}`) },
    { cls: 'multipart', label: 'header line of 20 KB', body: Buffer.from(`${fields}--${boundary}\r\nContent-Disposition: form-data; name="${kb(20)}"\r\n\r\nx\r\n${end}`) },
  ];
}
