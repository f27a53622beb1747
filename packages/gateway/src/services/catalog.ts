import type { ServiceId } from '@kommunkit/contract';
import type { Migration } from 'kysely';
import { Type } from 'typebox';
import { defineSettings, type ServiceSettings } from '../config/service-settings.js';
import { felanmalanMigrations } from './felanmalan/migrations.js';
import { felanmalanSettings } from './felanmalan/settings.js';
import { lokalbokningMigrations } from './lokalbokning/migrations.js';
import { lokalbokningSettings } from './lokalbokning/settings.js';

/**
 * The parts of each service that the shared layers need before any route exists: the config
 * schema composes `serviceSettings`, the migration runner runs `serviceMigrations`. Only
 * leaves are imported here (schemas, migrations), so config/ and db/ can import this without
 * depending on any service's routes. A service module (`services/<id>/index.ts`) names the
 * same objects; `buildGateway` refuses a module that is missing here.
 */

/** Services without a module yet: enabled by naming the adapter, nothing more. */
const adapterOnly = defineSettings({ schema: Type.Object({ adapter: Type.String({ minLength: 1 }) }, { additionalProperties: false }) });

export const serviceSettings = {
  felanmalan: felanmalanSettings,
  lokalbokning: lokalbokningSettings,
  barnomsorg: adapterOnly,
  fakturor: adapterOnly,
} satisfies Record<ServiceId, ServiceSettings>;

export const serviceMigrations: readonly Record<string, Migration>[] = [felanmalanMigrations, lokalbokningMigrations];
