import type { KommunConfig } from '../../config/schema.js';
import { serviceSettings } from '../../http/guards.js';
import type { ServiceModule } from '../module.js';
import type { LokalbokningBackend } from './backend.js';
import { builtinBackend } from './backends/builtin.js';
import { Lokalbokning } from './domain.js';
import { readLokalerFile } from './lokaler.js';
import { lokalbokningMigrations } from './migrations.js';
import { lokalbokningRoutes } from './routes.js';
import { lokalbokningSettings } from './settings.js';
import { BookingStore } from './store.js';

/** Lokalbokning: the kommun's facilities, their free times, and bookings that cannot collide. */
export const lokalbokning: ServiceModule<'lokalbokning'> = {
  id: 'lokalbokning',
  settings: lokalbokningSettings,
  migrations: lokalbokningMigrations,
  register(app, { config, db, sessions }) {
    // Each kommun's lokaler, read once at start: a bad lokaler file stops the start.
    const backends = new Map<string, LokalbokningBackend>();
    config.kommuner.forEach((kommun, index) => {
      const settings = serviceSettings(kommun, 'lokalbokning');
      if (!settings) return;
      const lokaler = readLokalerFile(settings.lokalerFile, config.configDir, `kommuner[${String(index)}].services.lokalbokning.lokalerFile`, config.publicUrl);
      backends.set(kommun.id, builtinBackend(lokaler, { devIdentityProvider: config.devIdentityProvider === true }));
    });
    const backendFor = (kommun: KommunConfig): LokalbokningBackend => {
      const backend = backends.get(kommun.id);
      if (!backend) throw new Error(`lokalbokning is not set up for ${kommun.id}`);
      return backend;
    };
    lokalbokningRoutes(app, { config, sessions, lokalbokning: new Lokalbokning(new BookingStore(db), backendFor) });
    return Promise.resolve();
  },
};
