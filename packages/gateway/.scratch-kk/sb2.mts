import pino from 'pino';
import { loggerOptions } from '../src/logging.js';
const obj = { method: 'GET', url: '/api/v1/exempelstad', route: '/api/v1/:kommun', statusCode: 200, responseTime: 1.23 };
for (let round = 0; round < 2; round++)
for (const opts of [{ sync: false, minLength: 0 }, { sync: false, minLength: 4096 }, { sync: true, minLength: 0 }, { sync: true, minLength: 4096 }] as any[]) {
  const d = pino.destination({ dest: '/dev/null', ...opts });
  await new Promise((r) => d.once('ready', r));
  const logger = pino(process.env.PLAIN ? {} : loggerOptions('info'), d);
  const t = performance.now(); const c0 = process.cpuUsage();
  for (let batch = 0; batch < 2000; batch++) { for (let i = 0; i < 5; i++) logger.child({ reqId: `req-${i}` }).info(obj, 'request completed'); await new Promise((r) => setImmediate(r)); }
  const c = process.cpuUsage(c0);
  console.log(JSON.stringify(opts), 'wall µs/line', ((performance.now() - t) / 10000 * 1000).toFixed(2), 'cpu µs/line', ((c.user + c.system) / 10000).toFixed(2));
}
// baseline: no logging, just the loop
const t = performance.now(); const c0 = process.cpuUsage();
for (let batch = 0; batch < 2000; batch++) { await new Promise((r) => setImmediate(r)); }
const c = process.cpuUsage(c0); console.log('loop only cpu µs per 5 lines', ((c.user + c.system) / 10000).toFixed(2));
process.exit(0);
