import type { KommunConfig } from '../../config/schema.js';
import { serviceSettings } from '../../http/guards.js';
import type { ServiceModule } from '../module.js';
import { ApiKeys } from './api-keys/keys.js';
import { apiKeyRoutes } from './api-keys/routes.js';
import type { ReportBackend } from './backend.js';
import { builtinBackend } from './backends/builtin.js';
import { Open311Backend } from './backends/open311.js';
import { citizenRoutes } from './citizen-routes.js';
import { Felanmalan } from './domain.js';
import { geocodersOf } from './geocoder.js';
import { geocoderRoutes } from './geocoder-routes.js';
import { mediaUrlFor, toPublicMap } from './mapping.js';
import { felanmalanMigrations } from './migrations.js';
import { assertNoDevApiKeys } from './open311/auth.js';
import { open311PathRules } from './open311/errors.js';
import { open311Routes } from './open311/routes.js';
import { felanmalanRoutes } from './routes.js';
import { felanmalanSettings, type FelanmalanSettings } from './settings.js';
import { ReportStore } from './store.js';

/** Felanmälan: reports of faults in public places, over the contract and Open311 GeoReport v2. */
export const felanmalan: ServiceModule<'felanmalan'> = {
  id: 'felanmalan',
  settings: felanmalanSettings,
  migrations: felanmalanMigrations,
  paths: [open311PathRules],
  publicInfo(kommun, locale) {
    const map = serviceSettings(kommun, 'felanmalan')?.map;
    return map ? { map: toPublicMap(map, locale) } : {};
  },
  async register(app, { config, db, sessions, fetch }) {
    assertNoDevApiKeys(config.kommuner, (kommun) => serviceSettings(kommun, 'felanmalan'));
    const store = new ReportStore(db);
    const mediaUrl = mediaUrlFor(config.publicUrl);
    // The kommun's system, as its settings name it; open311 without `forward` is refused at config load.
    const backendFor = (kommun: KommunConfig, settings: FelanmalanSettings): ReportBackend =>
      settings.adapter === 'open311' && settings.forward ? new Open311Backend({ kommun, forward: settings.forward, store, mediaUrl, log: app.log, fetch }) : builtinBackend;
    // Each kommun's address register, read once at start: a bad address file stops the start.
    const geocoderFor = geocodersOf(config, (kommun) => serviceSettings(kommun, 'felanmalan'));
    const domain = new Felanmalan(store, backendFor, geocoderFor);
    felanmalanRoutes(app, { felanmalan: domain, mediaUrl });
    await citizenRoutes(app, { config, sessions, felanmalan: domain });
    geocoderRoutes(app, { geocoderFor });
    const apiKeys = new ApiKeys(db);
    apiKeyRoutes(app, { apiKeys });
    await open311Routes(app, { config, felanmalan: domain, mediaUrl, apiKeys });
  },
};
