import pino from 'pino';
import fs from 'node:fs';
const line = JSON.stringify({ level: 30, time: Date.now(), pid: 1, hostname: 'vm', reqId: 'req-1', method: 'GET', url: '/api/v1/exempelstad', route: '/api/v1/:kommun', statusCode: 200, responseTime: 1.23, msg: 'request completed' }) + '\n';
let writes = 0; const orig = fs.write; (fs as any).write = function (...a: any[]) { writes++; return (orig as any).apply(this, a); };
for (const opts of [{ minLength: 0 }, { minLength: 4096 }, { minLength: 4096, periodicFlush: 1000 }] as any[]) {
  const d = pino.destination({ dest: '/dev/null', sync: false, ...opts });
  await new Promise((r) => d.once('ready', r));
  writes = 0;
  const t = performance.now();
  for (let batch = 0; batch < 1000; batch++) { for (let i = 0; i < 50; i++) d.write(line); await new Promise((r) => setImmediate(r)); }
  console.log(JSON.stringify(opts), 'µs/line', ((performance.now() - t) / 50000 * 1000).toFixed(2), 'writes', writes);
}
process.exit(0);
