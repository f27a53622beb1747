import { operations, type ServiceId } from '@kommunkit/contract';
import { kommunOf } from './http/kommun.js';
import type { Gateway } from './types.js';

export function kommunRoutes(app: Gateway): void {
  app.route({
    ...operations.getKommun,
    handler: (request, reply) => {
      const kommun = kommunOf(request);
      void reply.header('cache-control', 'public, max-age=300');
      const map = kommun.services.felanmalan?.map;
      return {
        id: kommun.id,
        name: kommun.name,
        theme: kommun.theme ?? {},
        services: Object.keys(kommun.services) as ServiceId[],
        ...(map ? { map } : {}),
      };
    },
  });
}
