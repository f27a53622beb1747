import { operations, type KommunInfo, type ServiceId } from '@kommunkit/contract';
import type { KommunConfig } from './config/schema.js';
import { BodyCache, jsonBody, sendCached } from './http/cached-body.js';
import { serviceSettings } from './http/guards.js';
import { kommunOf } from './http/kommun.js';
import { answerLocale, type ContentLocale } from './http/locale.js';
import type { ServiceModule } from './services/module.js';
import type { Gateway } from './types.js';

/** What a widget needs of a kommun: the shared part, and each enabled service's public part (`publicInfo`). */
export function kommunRoutes(app: Gateway, services: readonly ServiceModule[]): void {
  const infoOf = (kommun: KommunConfig, locale: ContentLocale): KommunInfo => {
    const info: KommunInfo = {
      id: kommun.id,
      name: kommun.name,
      theme: kommun.theme ?? {},
      services: Object.keys(kommun.services) as ServiceId[],
    };
    for (const service of services) if (serviceSettings(kommun, service.id) !== undefined) Object.assign(info, service.publicInfo?.(kommun, locale));
    return info;
  };
  // Config alone decides the answer: serialised once per kommun and locale.
  const bodies = new BodyCache<KommunConfig>();
  app.route({
    ...operations.getKommun,
    handler: (request, reply) => {
      const kommun = kommunOf(request);
      const locale = answerLocale(request, reply);
      sendCached(request, reply, bodies.get(kommun, locale, () => jsonBody(reply.serialize(infoOf(kommun, locale)), locale)));
    },
  });
}
