import { serviceSettings } from '../../http/guards.js';
import { testPersons } from '../../dev-idp/persons.js';
import type { KommunConfig } from '../../config/schema.js';
import type { ServiceModule } from '../module.js';
import { Barnomsorg, type BarnomsorgBackend } from './domain.js';
import { barnomsorgMigrations } from './migrations.js';
import type { PopulationRegister } from './register.js';
import { devRegister } from './registers/dev.js';
import { barnomsorgRoutes } from './routes.js';
import { barnomsorgSettings } from './settings.js';
import { BarnomsorgStore } from './store.js';
import { readUnitsFile } from './units.js';

export interface BarnomsorgOptions {
  /**
   * The population register of a kommun. By default the dev register: the dev identity
   * provider's test persons while it is on, nobody otherwise (a kommun's real register is an
   * adapter of its own behind `PopulationRegister`).
   */
  register?: (kommun: KommunConfig) => PopulationRegister;
}

/** The barnomsorg module, with a register of one's own (tests of a failing register, the bench). */
export function barnomsorgModule(options: BarnomsorgOptions = {}): ServiceModule<'barnomsorg'> {
  return {
    id: 'barnomsorg',
    settings: barnomsorgSettings,
    migrations: barnomsorgMigrations,
    register(app, { config, db, sessions }) {
      // Each kommun's units, read once at start: a bad units file stops the start.
      const backends = new Map<string, BarnomsorgBackend>();
      const dev = devRegister(testPersons, { enabled: config.devIdentityProvider === true });
      config.kommuner.forEach((kommun, index) => {
        const settings = serviceSettings(kommun, 'barnomsorg');
        if (!settings) return;
        const units = readUnitsFile(settings.unitsFile, config.configDir, `kommuner[${String(index)}].services.barnomsorg.unitsFile`);
        backends.set(kommun.id, { units, register: options.register?.(kommun) ?? dev });
      });
      const backendFor = (kommun: KommunConfig): BarnomsorgBackend => {
        const backend = backends.get(kommun.id);
        if (!backend) throw new Error(`barnomsorg is not set up for ${kommun.id}`);
        return backend;
      };
      barnomsorgRoutes(app, { config, sessions, barnomsorg: new Barnomsorg(new BarnomsorgStore(db), backendFor) });
      return Promise.resolve();
    },
  };
}

/** Barnomsorg: applications for förskola, pedagogisk omsorg and fritidshem, followed to a placement. */
export const barnomsorg: ServiceModule<'barnomsorg'> = barnomsorgModule();
