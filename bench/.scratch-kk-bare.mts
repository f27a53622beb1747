import autocannon from 'autocannon';
import Fastify from 'fastify';
import { AccessLog, loggerOptions } from '../packages/gateway/src/logging.js';
const variants: Record<string, () => any> = {
  off: () => Fastify({ logger: false }),
  plainPino: () => Fastify({ logger: { level: 'info', file: '/dev/null' } }),
  ours: () => Fastify({ logger: { ...loggerOptions('info'), file: '/dev/null' }, logController: new AccessLog() }),
  plainWarn: () => Fastify({ logger: { level: 'warn', file: '/dev/null' } }),
};
const results: Record<string, number[]> = {};
for (let round = 0; round < 2; round++) for (const [name, make] of Object.entries(variants)) {
  const app = make();
  app.get('/x', () => ({ ok: true }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const r = await autocannon({ url: `${url}/x`, connections: 50, duration: Number(process.env.S ?? 3) });
  (results[name] ??= []).push(Math.round(r.requests.average));
  await app.close();
}
console.log(results);
process.exit(0);
