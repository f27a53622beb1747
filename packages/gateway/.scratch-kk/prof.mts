import pino from 'pino';
import { Writable } from 'node:stream';
import { loggerOptions, scrub } from '/work/main/packages/gateway/src/logging.js';
const lines: string[] = [];
const stream = new Writable({ write(c, _e, cb) { lines.push(c.toString()); cb(); } });
const logger = pino(loggerOptions('info'), stream);
const megabyte = 1024*1024;
const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, index) => [`k${String(index)}`, 'x'.repeat(100)]));
let deep: Record<string, unknown> = { note: 'x'.repeat(megabyte) };
for (let level = 0; level < 10_000; level++) deep = { deep };
const list = Array.from({ length: 100_000 }, () => 'y'.repeat(100));
for (const [name, obj] of Object.entries({ wide: { wide }, deep: { deep }, list: { list } })) {
  let t = performance.now(); scrub(obj); console.log(name, 'scrub', performance.now() - t);
  t = performance.now(); logger.info(obj, 'm'); console.log(name, 'log', performance.now() - t);
  t = performance.now(); logger.info(obj, 'm'); console.log(name, 'log2', performance.now() - t);
}
let t = performance.now(); logger.info('x'.repeat(megabyte)); console.log('msg', performance.now() - t);
console.log(lines.map(l => l.length));
t = performance.now(); logger.info({ wide, deep, list }, 'x'.repeat(megabyte)); console.log('all', performance.now() - t);
t = performance.now(); logger.info({ wide, deep, list }, 'x'.repeat(megabyte)); console.log('all', performance.now() - t);
