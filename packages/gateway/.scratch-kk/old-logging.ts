import type { LoggerOptions } from 'pino';

/**
 * Personal data must never reach a log. Pino's `redact` only knows key paths, but a
 * personnummer can hide in a URL, a message or an error text, so every string is also scrubbed
 * by pattern: personnummer and samordningsnummer (with or without century and separator),
 * e-mail addresses and Swedish phone numbers.
 */
const patterns: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[e-post]'],
  [/(?<!\d)(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01])[-+]?\d{4}(?!\d)/g, '[personnummer]'],
  // +46, 0046 or 0, then 7–9 digits with single spaces or dashes between them.
  [/(?<![\w+])(?:\+46|0046|0)(?:[\s-]?\d){7,9}(?!\d)/g, '[telefon]'],
];

export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return patterns.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  if (value instanceof Error) return { type: value.name, message: scrub(value.message), stack: scrub(value.stack) };
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, depth + 1)]));
}

export function loggerOptions(level = process.env.LOG_LEVEL ?? 'info'): LoggerOptions {
  return {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.personnummer', '*.password'],
      censor: '[dolt]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: scrub(req.url), id: req.id }),
    },
    formatters: { log: (object) => scrub(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => scrub(arg)) as Parameters<typeof method>);
      },
    },
  };
}
