import { clientHeader } from '@kommunkit/contract';
import type { FastifyRequest } from 'fastify';
import type { KommunConfig } from '../../../config/schema.js';
import { sameSecret } from '../../../http/secrets.js';
import type { FelanmalanSettings } from '../settings.js';
import type { Fields } from './form.js';
import { Open311Error } from './format.js';

/** The keys case workers issued at run time (`ApiKeys`): valid is what the database says now. */
export interface IssuedApiKeys {
  accepts(kommunId: string, key: string): Promise<boolean>;
}

/**
 * A new report comes from a page of the kommun (the SDK's header and a listed Origin), or from
 * an app or system with one of the kommun's Open311 api_keys: one in its config, one a case
 * worker issued and has not revoked, or, outside production, one of its public dev keys.
 * `fields` holds the api_key from the body or the query (`withQueryArguments`).
 */
export async function authorizeWrite(request: FastifyRequest, kommun: KommunConfig, settings: FelanmalanSettings, fields: Fields, issued: IssuedApiKeys): Promise<void> {
  const origin = request.headers.origin;
  if (request.headers[clientHeader] && origin && kommun.origins.includes(origin)) return;
  const key = fields.get('api_key')?.[0];
  if (key && (acceptedApiKeys(settings).some((candidate) => sameSecret(candidate, key)) || (await issued.accepts(kommun.id, key)))) return;
  throw Open311Error.of(403, 'Anmälan måste skickas från kommunens webbplats eller med en giltig api_key.', 'api_key');
}

/** The kommun's api_keys, and its dev keys unless in production (where the gateway refuses to start with any: `assertNoDevApiKeys`). */
const acceptedApiKeys = (settings: FelanmalanSettings, environment: NodeJS.ProcessEnv = process.env): readonly string[] => [
  ...(settings.apiKeys ?? []),
  ...(environment.NODE_ENV === 'production' ? [] : (settings.devApiKeys ?? [])),
];

/**
 * Throws when `NODE_ENV` is `production` and a kommun has `devApiKeys`: they are public (in the
 * repository and its README), so with one anyone could file reports as a trusted app.
 */
export function assertNoDevApiKeys(kommuner: readonly KommunConfig[], settingsOf: (kommun: KommunConfig) => FelanmalanSettings | undefined, environment: NodeJS.ProcessEnv = process.env): void {
  if (environment.NODE_ENV !== 'production') return;
  const named = kommuner.filter((kommun) => (settingsOf(kommun)?.devApiKeys ?? []).length > 0).map((kommun) => kommun.id);
  if (named.length > 0) {
    throw new Error(
      `The gateway refuses to start: services.felanmalan.devApiKeys is set for ${named.join(', ')} while NODE_ENV=production. ` +
        'Those keys are public; remove devApiKeys and give apps keys of their own in apiKeys.',
    );
  }
}
