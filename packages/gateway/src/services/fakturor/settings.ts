import { Type, type Static } from 'typebox';
import { defineSettings } from '../../config/service-settings.js';

const FakturorSettings = Type.Object(
  {
    adapter: Type.Literal('builtin', { description: '"builtin": documents imported through the finance endpoint (or the CLI) and stored here.' }),
    financeApiKey: Type.String({ minLength: 16, description: 'Bearer key of the finance system\'s API (import, payment status, messages). Keep it out of the file: "${…}".' }),
    seedDirectory: Type.Optional(
      Type.String({ minLength: 1, description: 'A folder of UBL documents (*.xml), relative to this config file, imported at every start; a document already there is left as it is. For a demo kommun\'s sample invoices.' }),
    ),
  },
  { additionalProperties: false },
);

export type FakturorSettings = Static<typeof FakturorSettings>;

/** `kommuner[].services.fakturor`. */
export const fakturorSettings = defineSettings({ schema: FakturorSettings });
