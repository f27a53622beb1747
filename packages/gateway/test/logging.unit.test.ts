import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loggerOptions, scrub } from '../src/logging.js';

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
});
