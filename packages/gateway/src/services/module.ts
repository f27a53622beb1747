import type { KommunInfo, ServiceId } from '@kommunkit/contract';
import type { Migration } from 'kysely';
import type { SessionStore } from '../auth/sessions.js';
import type { ResolvedConfig } from '../config/load.js';
import type { KommunConfig } from '../config/schema.js';
import type { ServiceSettings } from '../config/service-settings.js';
import type { Db } from '../db/database.js';
import type { ContentLocale } from '../http/locale.js';
import type { PathRules } from '../http/paths.js';
import type { Gateway } from '../types.js';

/** What the gateway hands a service when it registers: the shared facilities, nothing of another service. */
export interface ServiceDeps {
  config: ResolvedConfig;
  db: Db;
  sessions: SessionStore;
  /** Outgoing HTTP to the kommun's own systems: passed in, never the global one. */
  fetch: typeof fetch;
}

/** What a service adds to `GET /api/v1/{kommun}` when the kommun has it enabled. */
export type PublicInfo = Partial<Omit<KommunInfo, 'id' | 'name' | 'theme' | 'services'>>;

/**
 * A gateway service module (`services/<id>/index.ts`). `buildGateway` loops over the modules
 * (`services/index.ts`); the shared config schema and migration runner take the leaf parts
 * (`settings`, `migrations`) from `services/catalog.ts`, which must list the same objects.
 */
export interface ServiceModule<Id extends ServiceId = ServiceId> {
  readonly id: Id;
  /** The schema and cross-checks of `kommuner[].services.<id>`. */
  readonly settings: ServiceSettings;
  /** The service's own tables, by migration name (ordered with the shared ones by name). */
  readonly migrations: Record<string, Migration>;
  /** URL prefixes outside `/api/v1/` that speak a protocol of their own (errors, CORS). */
  readonly paths?: readonly PathRules[];
  /** What a widget needs to know of the service's settings for this kommun, public by nature; its texts in `locale`. */
  publicInfo?(kommun: KommunConfig, locale: ContentLocale): PublicInfo;
  /** Adds the service's routes. */
  register(app: Gateway, deps: ServiceDeps): Promise<void>;
}
