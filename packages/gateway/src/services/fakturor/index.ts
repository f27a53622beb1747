import { resolve } from 'node:path';
import { dataKeyFrom } from '../../auth/seal.js';
import { personById } from '../../dev-idp/persons.js';
import { serviceSettings } from '../../http/guards.js';
import type { ServiceModule } from '../module.js';
import { Fakturor } from './domain.js';
import { importFolder } from './folder.js';
import { fakturorMigrations } from './migrations.js';
import { RecipientKeys } from './recipients.js';
import { fakturorRoutes } from './routes.js';
import { fakturorSettings } from './settings.js';
import { InvoiceStore } from './store.js';

/** Mina fakturor: the kommun's Peppol BIS 3 invoices to its citizens and föreningar, their PDFs, payment status and disputes. */
export const fakturor: ServiceModule<'fakturor'> = {
  id: 'fakturor',
  settings: fakturorSettings,
  migrations: fakturorMigrations,
  async register(app, { config, db, sessions }) {
    // The session store has already warned when the data key is the public development key.
    const service = new Fakturor(new InvoiceStore(db), new RecipientKeys(dataKeyFrom(config.dataKey, () => undefined)));
    // Which föreningar a citizen represents: the dev identity provider's test persons while it is on (never in production).
    const foreningarOf = (subject: string): string[] => {
      const forening = config.devIdentityProvider === true ? personById(subject)?.forening : undefined;
      return forening ? [forening.organisationsnummer.replace(/-/g, '')] : [];
    };
    fakturorRoutes(app, { config, sessions, fakturor: service, foreningarOf });
    // A demo kommun's sample documents, imported at every start (a repeat leaves them as they are).
    for (const [index, kommun] of config.kommuner.entries()) {
      const settings = serviceSettings(kommun, 'fakturor');
      if (!settings?.seedDirectory) continue;
      const directory = resolve(config.configDir, settings.seedDirectory);
      const results = await importFolder(service, kommun.id, directory).catch((error: unknown) => {
        throw new Error(`kommuner[${String(index)}].services.fakturor.seedDirectory: cannot read ${directory} (${error instanceof Error ? error.message : String(error)})`);
      });
      const refused = results.filter((result) => result.outcome === 'refused');
      if (refused.length > 0) throw new Error(`kommuner[${String(index)}].services.fakturor.seedDirectory: ${refused.map((result) => `${result.file} refused: ${'reasons' in result ? result.reasons.join('; ') : ''}`).join(' | ')}`);
      app.log.info({ kommun: kommun.id, documents: results.length }, 'fakturor: seed documents imported');
    }
  },
};
