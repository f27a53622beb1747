import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loggerOptions, maxLoggedLength, scrub, scrubText, scrubUrl } from '../src/logging.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { logger: pino(loggerOptions('info'), stream), lines };
}

describe('logs never carry personal data', () => {
  it.each([
    ['19121212-1212', '[personnummer]'],
    ['191212121212', '[personnummer]'],
    ['121212+1212', '[personnummer]'],
    ['19701063-2391', '[personnummer]'],
    ['anna.andersson@exempel.se', '[e-post]'],
    ['070-123 45 67', '[telefon]'],
    ['+46 70 123 45 67', '[telefon]'],
    ['08-123 456 78', '[telefon]'],
  ])('scrubs %s', (value, replacement) => {
    expect(scrub(`ärende från ${value} i dag`)).toBe(`ärende från ${replacement} i dag`);
  });

  it('keeps ordinary numbers such as report ids and dates', () => {
    expect(scrub('report 4711 on 2026-11-23 at 12:30')).toBe('report 4711 on 2026-11-23 at 12:30');
  });

  it('scrubs messages, nested fields, request URLs and errors; redacts cookies', () => {
    const { logger, lines } = capture();
    logger.info({ citizen: { note: 'ring 0701234567' }, req: { method: 'GET', url: '/x?pnr=199001012385', id: '1', headers: {} } }, 'login 19900101-2385');
    logger.error({ err: new Error('no such person 199001012385') }, 'failed');
    logger.info({ req: { headers: { cookie: 'kk_session=secret' } } }, 'cookie');
    const text = lines.join('\n');
    for (const secret of ['0701234567', '199001012385', '19900101-2385', 'kk_session=secret']) expect(text).not.toContain(secret);
    expect(text).toContain('[personnummer]');
  });

  it('censors cookies, credentials and personnummer fields at any depth', () => {
    const { logger, lines } = capture();
    logger.info({ personnummer: '199001012385', headers: { cookie: 'kk_session=secret', Authorization: 'Bearer token-123' }, user: { profile: { password: 'hemligt' } } });
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ personnummer: '[dolt]', headers: { cookie: '[dolt]', Authorization: '[dolt]' }, user: { profile: { password: '[dolt]' } } });
  });

  it('scrubs a percent-encoded address or phone number in a URL', () => {
    expect(scrubUrl('/x?mail=anna.andersson%40exempel.se&tel=070%20123%2045%2067')).toBe('/x?mail=[e-post]&tel=[telefon]');
    expect(scrubUrl('/api/v1/exempelstad?status=open')).toBe('/api/v1/exempelstad?status=open');
  });

  it('scrubs an identity number or address across the cut of a long string', () => {
    const pnr = '19900101-2385';
    const text = `${'a '.repeat((maxLoggedLength - 6) / 2)}${pnr} anna@exempel.se ${'b'.repeat(10_000)}`;
    const scrubbed = scrubText(text);
    expect(scrubbed).not.toContain('199001');
    expect(scrubbed.length).toBeLessThan(maxLoggedLength + 40);
    expect(scrubbed).toMatch(/…\[cut: \d+ characters\]$/);
  });

  it('leaves stack frames alone: package paths with @ and line:column numbers', () => {
    const { logger, lines } = capture();
    const error = new Error('saknas: 19900101-2385, anna@exempel.se, 070-123 45 67');
    error.stack = [
      'Error: saknas: 19900101-2385, anna@exempel.se, 070-123 45 67',
      '    at preHandlerCallbackInner (/srv/node_modules/.pnpm/fastify@5.12.8/node_modules/fastify/lib/handle-request.js:190:24)',
      '    at file:///srv/releases/2026-01-23/0701234567/app.js:1012:34',
    ].join('\n');
    logger.error({ err: error }, 'failed');
    const { err } = JSON.parse(lines[0]!) as { err: { message: string; stack: string } };
    expect(err.message).toBe('saknas: [personnummer], [e-post], [telefon]');
    expect(err.stack.split('\n')).toEqual([
      'Error: saknas: [personnummer], [e-post], [telefon]',
      '    at preHandlerCallbackInner (/srv/node_modules/.pnpm/fastify@5.12.8/node_modules/fastify/lib/handle-request.js:190:24)',
      '    at file:///srv/releases/2026-01-23/0701234567/app.js:1012:34',
    ]);
  });

  it('scrubs the message pino takes from an error, and the error\'s own fields and cause', () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('dubblett 19900101-2385', { cause: new Error('ring 070-123 45 67') }), {
      detail: 'Key (personnummer)=(199001012385) already exists.',
    });
    logger.error(error);
    logger.error({ err: error });
    const text = lines.join('\n');
    for (const secret of ['070-123', '199001012385', '19900101-2385']) expect(text).not.toContain(secret);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'dubblett [personnummer]', err: { cause: { message: 'ring [telefon]' } } });
  });
});

/**
 * Found in issue 10: the e-mail pattern backtracked quadratically on a long run of word
 * characters, so a 15,000-character URL froze the gateway for 20 s, and each string below took
 * 6–14 s. Now only a bounded prefix is ever scanned, with bounded patterns, so any length takes
 * the same short time.
 */
describe('scrubbing is linear in its input', () => {
  const size = 64 * 1024;

  it.each([
    ['a word run', 'x'.repeat(size)],
    ['a word run with an @ at its end', `${'x'.repeat(size)}@`],
    ['a run of digits', '1'.repeat(size)],
    ['dotted words and @', 'a.'.repeat(size / 2) + '@b'],
    ['digits and dashes', '0-'.repeat(size / 2)],
  ])('scrubs %s of 64 KB in well under a second', (_name, text) => {
    const started = performance.now();
    const scrubbed = scrubText(text);
    expect(performance.now() - started).toBeLessThan(250);
    expect(scrubbed.length).toBeLessThan(maxLoggedLength + 40);
  });

  it('logs a huge nested object in bounded time and size', () => {
    const { logger, lines } = capture();
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, index) => [`k${String(index)}`, 'x'.repeat(100)]));
    let deep: Record<string, unknown> = { note: 'x'.repeat(size) };
    for (let level = 0; level < 10_000; level++) deep = { deep };
    const list = Array.from({ length: 100_000 }, () => 'y'.repeat(100));
    const message = 'x'.repeat(size);
    const started = performance.now();
    logger.info({ wide, deep, list }, message);
    expect(performance.now() - started).toBeLessThan(250);
    expect(lines.join('').length).toBeLessThan(50_000);
  });
});

