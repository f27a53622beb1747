import Provider, { interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { personnummerClaim } from '../auth/oidc.js';
import type { Db } from '../db/database.js';
import { databaseAdapter, type DevIdpKeys } from './db-adapter.js';
import { errorPage } from './login-page.js';
import { personById } from './persons.js';

/** A relying party of the dev identity provider: in practice the gateway, once per kommun. */
export interface DevIdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: readonly string[];
  /** Shown on the login page ("… logga in hos {clientName}"); the client id when absent. */
  clientName?: string;
}

/** The OIDC Sweden scope that asks for the personnummer (with the name claims). */
export const naturalPersonNumberScope = 'https://id.oidc.se/scope/naturalPersonNumber';
/** Sweden Connect's level of assurance 3, the level BankID and Freja+ authenticate at. */
export const loa3 = 'http://id.elegnamnden.se/loa/1.0/loa3';

const personClaims = ['name', 'given_name', 'family_name', personnummerClaim] as const;

/**
 * Throws when `NODE_ENV` is `production`: the dev identity provider logs anyone in as anyone.
 * Called before anything of the provider is made.
 */
export function assertNotProduction(environment: NodeJS.ProcessEnv = process.env): void {
  if (environment.NODE_ENV === 'production') {
    throw new Error(
      'The development identity provider (dev-idp) refuses to start because NODE_ENV=production: it lets anyone log in as a test person. ' +
        "Configure the kommun's real identity provider and turn devIdentityProvider off.",
    );
  }
}

/** The path the provider is mounted at: the issuer's path without a trailing slash (`''` at the root). */
export const issuerPath = (issuer: string): string => new URL(issuer).pathname.replace(/\/+$/, '');

/**
 * An OpenID Provider (oidc-provider) standing in for a kommun's e-legitimation broker in
 * development and tests: authorization code flow with PKCE (S256) required, confidential
 * clients (client_secret_basic or client_secret_post), scopes `openid profile`, and the
 * personnummer in the OIDC Sweden claim. Its state (the adapter) is in the database and its
 * signing and cookie keys come from there too (`devIdpKeys`), so any number of gateway
 * instances on one database act as one IdP; nothing secret is committed.
 *
 * The login page is not oidc-provider's: the `devIdp` Fastify plugin serves it at
 * `{issuer path}/interaction/{uid}` and finishes the interaction with login and consent at once.
 */
export function createDevProvider(issuer: string, clients: readonly DevIdpClient[], { db, keys }: { db: Db; keys: DevIdpKeys }): Provider {
  assertNotProduction();
  const path = issuerPath(issuer);

  // Every authorization request shows the login page, even with a live session at the IdP,
  // so a tester can pick another person after logging out of the gateway (no silent SSO).
  const policy = interactionPolicy.base();
  policy.get('login')?.checks.add(
    new interactionPolicy.Check('dev_idp_choose_person', 'a test person is chosen at every login', (ctx) =>
      ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
    ),
  );

  const configuration: Configuration = {
    adapter: databaseAdapter(db),
    clients: clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      client_name: client.clientName ?? client.clientId,
      redirect_uris: [...client.redirectUris],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // The registered method; oidc-provider accepts client_secret_post for it as well.
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    jwks: { keys: keys.signing },
    cookies: {
      keys: keys.cookies,
      names: { session: 'kk_dev_idp_session', interaction: 'kk_dev_idp_interaction', resume: 'kk_dev_idp_resume' },
      // The IdP's session cookie stays under its own path, out of the gateway's API requests.
      long: { httpOnly: true, sameSite: 'lax', path: path || '/' },
    },
    scopes: ['openid', 'profile', naturalPersonNumberScope],
    claims: {
      acr: null,
      auth_time: null,
      sid: null,
      iss: null,
      // acr (the level of assurance) in every ID token, as an e-legitimation broker sends it.
      openid: ['sub', 'acr'],
      profile: [...personClaims],
      [naturalPersonNumberScope]: [...personClaims],
    },
    // The claims of the granted scopes go in the ID token too: a broker's relying party reads them there.
    conformIdTokenClaims: false,
    acrValues: [loa3],
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
    },
    interactions: {
      policy,
      url: (_ctx, interaction) => `${path}/interaction/${interaction.uid}`,
    },
    findAccount: (_ctx: KoaContextWithOIDC, id: string) => {
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
    // Codes and tokens outlive the IdP session, which ends as soon as the code is issued (below).
    expiresWithSession: () => false,
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    renderError: (ctx, out) => {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = errorPage(out.error_description ?? out.error);
    },
  };
  const provider = new Provider(issuer, configuration);
  // Forget the login once the code is issued: no SSO session, so the next login shows the page
  // again and may pick another person (with a live session that would need a logout first).
  provider.use(async (ctx, next) => {
    await next();
    // Requests that match no route (404) have no `ctx.oidc`, nor failed ones always a session.
    const { oidc } = ctx as Partial<KoaContextWithOIDC>;
    const session = oidc?.route === 'resume' ? oidc.session : undefined;
    if (session?.accountId) await session.destroy();
  });
  return provider;
}
