import { operations, type KommunInfo, type ServiceId } from '@kommunkit/contract';
import { serviceSettings } from './http/guards.js';
import { kommunOf } from './http/kommun.js';
import { answerLocale } from './http/locale.js';
import type { ServiceModule } from './services/module.js';
import type { Gateway } from './types.js';

/** What a widget needs of a kommun: the shared part, and each enabled service's public part (`publicInfo`). */
export function kommunRoutes(app: Gateway, services: readonly ServiceModule[]): void {
  app.route({
    ...operations.getKommun,
    handler: (request, reply) => {
      const kommun = kommunOf(request);
      void reply.header('cache-control', 'public, max-age=300');
      const info: KommunInfo = {
        id: kommun.id,
        name: kommun.name,
        theme: kommun.theme ?? {},
        services: Object.keys(kommun.services) as ServiceId[],
      };
      const locale = answerLocale(request, reply);
      for (const service of services) if (serviceSettings(kommun, service.id) !== undefined) Object.assign(info, service.publicInfo?.(kommun, locale));
      return info;
    },
  });
}
