import { clientHeader } from '@kommunkit/contract';
import type { FastifyRequest } from 'fastify';
import type { KommunConfig } from '../../../config/schema.js';
import { sameSecret } from '../../../http/secrets.js';
import type { FelanmalanSettings } from '../settings.js';
import type { Fields } from './form.js';
import { Open311Error } from './format.js';

/**
 * A new report comes from a page of the kommun (the SDK's header and a listed Origin), or from
 * an app or system with one of the kommun's Open311 api_keys.
 */
export function authorizeWrite(request: FastifyRequest, kommun: KommunConfig, settings: FelanmalanSettings, fields: Fields): void {
  const origin = request.headers.origin;
  if (request.headers[clientHeader] && origin && kommun.origins.includes(origin)) return;
  const key = fields.get('api_key')?.[0] ?? (request.query as Record<string, string | undefined>).api_key;
  if (key && (settings.apiKeys ?? []).some((candidate) => sameSecret(candidate, key))) return;
  throw Open311Error.of(403, 'Anmälan måste skickas från kommunens webbplats eller med en giltig api_key.', 'api_key');
}
