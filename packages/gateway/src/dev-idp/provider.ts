import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { personnummerClaim } from '../auth/oidc.js';
import { personById } from './persons.js';

export interface DevIdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

/**
 * An OpenID Provider (oidc-provider) standing in for a kommun's e-legitimation broker in
 * development and tests. Keys and cookie secrets are made fresh at every start; nothing
 * secret is committed, and nothing survives a restart.
 */
export function createDevProvider(issuer: string, clients: readonly DevIdpClient[]): Provider {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The development identity provider cannot run with NODE_ENV=production: configure the kommun\'s real identity provider instead.');
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const configuration: Configuration = {
    clients: clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'dev', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile'],
    claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name', personnummerClaim] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `${new URL(issuer).pathname}/interaction/${interaction.uid}` },
    // A test IdP asks no consent: the kommun's own gateway is the only client.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile');
      grant.addOIDCClaims(['name', 'given_name', 'family_name', personnummerClaim]);
      await grant.save();
      return grant;
    },
    findAccount: (_ctx, id) => {
      const person = personById(id);
      if (!person) return undefined;
      return {
        accountId: person.id,
        claims: () => ({
          sub: person.id,
          name: `${person.givenName} ${person.familyName}`,
          given_name: person.givenName,
          family_name: person.familyName,
          [personnummerClaim]: person.personnummer,
        }),
      };
    },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    renderError: (ctx, out) => {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Inloggningen misslyckades</title></head><body><main><h1>Inloggningen misslyckades</h1><p>${out.error.replace(/[<>&"]/g, '')}</p></main></body></html>`;
    },
  };
  return new Provider(issuer, configuration);
}
