import pino from 'pino';
import { loggerOptions } from '../src/logging.js';
const dest = pino.destination('/dev/null');
const variants: Record<string, pino.LoggerOptions> = {
  plain: {},
  ours: loggerOptions('info'),
  noRedact: { ...loggerOptions('info'), redact: undefined },
  noFormatter: { ...loggerOptions('info'), formatters: undefined },
  noMsgSer: { ...loggerOptions('info'), serializers: { ...loggerOptions('info').serializers, msg: undefined } as any },
};
for (const [name, options] of Object.entries(variants)) {
  const logger = pino(options, dest);
  const n = 100_000;
  for (let i = 0; i < 2000; i++) logger.child({ reqId: 'req-1' }).info({ method: 'GET', url: '/api/v1/exempelstad', route: '/api/v1/:kommun', statusCode: 200, responseTime: 1.23 }, 'request completed');
  let t = performance.now();
  for (let i = 0; i < n; i++) logger.child({ reqId: `req-${i}` });
  const child = (performance.now() - t) / n * 1000;
  const c = logger.child({ reqId: 'req-1' });
  t = performance.now();
  for (let i = 0; i < n; i++) c.info({ method: 'GET', url: '/api/v1/exempelstad', route: '/api/v1/:kommun', statusCode: 200, responseTime: 1.23 }, 'request completed');
  const line = (performance.now() - t) / n * 1000;
  console.log(name, 'child µs', child.toFixed(2), 'line µs', line.toFixed(2));
}
