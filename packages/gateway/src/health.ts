import { operations } from '@kommunkit/contract';
import { isReachable, type Db } from './db/database.js';
import type { Gateway } from './types.js';

export function healthRoutes(app: Gateway, { db }: { db: Db }): void {
  app.route({ ...operations.health, logLevel: 'warn', handler: () => ({ status: 'ok' as const }) });
  app.route({
    ...operations.ready,
    logLevel: 'warn',
    handler: async (_request, reply) => {
      const ok = await isReachable(db);
      return reply
        .code(ok ? 200 : 503)
        .send({ status: ok ? ('ready' as const) : ('unavailable' as const), database: ok ? ('ok' as const) : ('unreachable' as const) });
    },
  });
}
