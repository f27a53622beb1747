import Fastify from 'fastify';
import { AccessLog, productionLogger } from '../packages/gateway/src/logging.js';
const mode = process.argv[2];
const logger = mode === 'off' ? false : mode === 'silent' ? productionLogger('/dev/null', 'silent') : mode === 'warn' ? productionLogger('/dev/null', 'warn') : productionLogger('/dev/null', 'info');
const app = Fastify({ logger, logController: new AccessLog() });
app.get('/api/v1/exempelstad', () => ({ ok: true }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send!({ url });
process.on('message', (m: string) => { if (m === 'start') { (globalThis as any).t0 = process.cpuUsage(); } else { process.send!({ cpu: process.cpuUsage((globalThis as any).t0) }); setTimeout(() => process.exit(0), 50); } });
