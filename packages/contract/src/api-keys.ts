import { Type, type Static } from 'typebox';
import { KommunId } from './kommun.js';

/**
 * Open311 api_keys that a kommun's case workers issue to apps and systems, and revoke, at run
 * time (`Authorization: Bearer <the kommun's case-worker key>`). The gateway keeps only a hash:
 * the key is in the answer that issues it, once, and nowhere after.
 *
 * The paths live here rather than in `routes.ts`, which every widget bundle carries: no browser
 * client calls these.
 */
export const apiKeyRoutes = {
  issueApiKey: { method: 'POST', url: '/api/v1/:kommun/felanmalan/api-keys' },
  listApiKeys: { method: 'GET', url: '/api/v1/:kommun/felanmalan/api-keys' },
  revokeApiKey: { method: 'DELETE', url: '/api/v1/:kommun/felanmalan/api-keys/:id' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'DELETE'; url: string }>;

/** Longest label, in characters. */
export const maxApiKeyLabelLength = 100;

/** The public id of an issued key: 16 lower-case hex digits, safe to show, log and type. */
export const ApiKeyId = Type.String({ pattern: '^[0-9a-f]{16}$', description: 'Public id of an issued key (not the key).' });

export const ApiKeyParams = Type.Object({ kommun: KommunId, id: ApiKeyId });
export type ApiKeyParams = Static<typeof ApiKeyParams>;

export const ApiKeyLabel = Type.String({
  minLength: 1,
  maxLength: maxApiKeyLabelLength,
  description: 'Who holds the key: the app or system, e.g. "Felanmälan-appen (Kommunfixarna AB)". One line of text, not only spaces; trimmed.',
});

export const NewApiKey = Type.Object({ label: ApiKeyLabel }, { additionalProperties: false, $id: 'NewApiKey' });
export type NewApiKey = Static<typeof NewApiKey>;

/** An issued key as listed: never the key itself. */
export const ApiKey = Type.Object(
  {
    id: ApiKeyId,
    label: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When it was revoked; null while it is valid.' }),
  },
  { $id: 'ApiKey' },
);
export type ApiKey = Static<typeof ApiKey>;

export const ApiKeyList = Type.Object({ items: Type.Array(ApiKey, { description: 'Newest first, revoked ones included.' }) }, { $id: 'ApiKeyList' });
export type ApiKeyList = Static<typeof ApiKeyList>;

/** The answer that issues a key: the only place the key ever appears. */
export const IssuedApiKey = Type.Object(
  {
    id: ApiKeyId,
    label: Type.String(),
    key: Type.String({ description: 'The api_key to give the app. Shown once: the gateway stores only its SHA-256.' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'IssuedApiKey' },
);
export type IssuedApiKey = Static<typeof IssuedApiKey>;
