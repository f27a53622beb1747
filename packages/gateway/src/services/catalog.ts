import type { ServiceId } from '@kommunkit/contract';
import type { Migration } from 'kysely';
import type { ServiceSettings } from '../config/service-settings.js';
import { barnomsorgMigrations } from './barnomsorg/migrations.js';
import { barnomsorgSettings } from './barnomsorg/settings.js';
import { fakturorMigrations } from './fakturor/migrations.js';
import { fakturorSettings } from './fakturor/settings.js';
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

export const serviceSettings = {
  felanmalan: felanmalanSettings,
  lokalbokning: lokalbokningSettings,
  barnomsorg: barnomsorgSettings,
  fakturor: fakturorSettings,
} satisfies Record<ServiceId, ServiceSettings>;

export const serviceMigrations: readonly Record<string, Migration>[] = [felanmalanMigrations, lokalbokningMigrations, barnomsorgMigrations, fakturorMigrations];
