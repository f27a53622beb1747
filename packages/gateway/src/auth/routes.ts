import { loginOutcomeParam, operations, pathFor, problemTypes, routes } from '@kommunkit/contract';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import type { ResolvedConfig } from '../config/load.js';
import type { KommunConfig } from '../config/schema.js';
import type { Db } from '../db/database.js';
import { retryAfterSeconds } from '../db/unavailable.js';
import { kommunOf } from '../http/kommun.js';
import { HttpProblem } from '../http/problem.js';
import type { Gateway } from '../types.js';
import { anonymousWrite } from '../http/rate-limits.js';
import { client, personnummerClaim, type IdentityProviders } from './oidc.js';
import { isLoopback, toUser, type SessionStore } from './sessions.js';

const loginLifetimeMs = 10 * 60_000;

/**
 * Binds a login to the browser that started it (login CSRF): `auth/login` sets this cookie and
 * keeps the SHA-256 of its value with the state; the callback finishes only a state whose hash
 * matches the cookie it is sent with. A callback URL made by someone else, opened in the
 * victim's browser, finds no match there, so nobody is logged in to another's account.
 */
const loginCookie = 'kk_login';
const loginCookieValue = /^[\w-]{43}$/;
const loginCookiePath = (kommunId: string): string => `/api/v1/${kommunId}/auth`;
const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

const loginCookieOptions = (request: FastifyRequest, kommunId: string) => ({
  path: loginCookiePath(kommunId),
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: !isLoopback(request.hostname),
});

/**
 * The browser's login cookie value: the one it already holds (so two tabs logging in at once
 * both finish), else a new random one. Its lifetime restarts with every login started.
 */
function bindBrowser(request: FastifyRequest, reply: FastifyReply, kommunId: string): string {
  const held = request.cookies[loginCookie];
  const value = held && loginCookieValue.test(held) ? held : randomBytes(32).toString('base64url');
  reply.setCookie(loginCookie, value, { ...loginCookieOptions(request, kommunId), maxAge: loginLifetimeMs / 1000 });
  return value;
}

const loginNotFinished = () =>
  new HttpProblem(
    400,
    problemTypes.loginFailed,
    'Inloggningen gick inte att slutföra: den tog för lång tid, har redan använts eller startades i en annan webbläsare. Börja om från sidan du kom från.',
  );

/** Only back to a page on the kommun's own list: the login must never be an open redirect. */
export function safeReturnUrl(kommun: KommunConfig, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidReturn();
  }
  if (!kommun.origins.includes(url.origin) || url.username || url.password) throw invalidReturn();
  return url;
}

const invalidReturn = () =>
  new HttpProblem(400, problemTypes.validation, 'Sidan att återvända till finns inte på kommunens lista över webbplatser.', [
    { pointer: '/querystring/return', detail: 'Adressen tillhör inte kommunens webbplatser' },
  ]);

/** Back to the page the citizen came from, telling the widget why the login did not finish. */
function backWithOutcome(returnUrl: string, outcome: 'cancelled' | 'failed'): string {
  const url = new URL(returnUrl);
  url.searchParams.set(loginOutcomeParam, outcome);
  return url.href;
}

/** Where the identity provider sends the citizen back: the one URL both sides are configured with. */
export function callbackUrl(config: Pick<ResolvedConfig, 'publicUrl'>, kommunId: string): string {
  return `${config.publicUrl}${pathFor(routes.loginCallback.url, { kommun: kommunId })}`;
}

export function authRoutes(
  app: Gateway,
  { config, db, sessions, providers }: { config: ResolvedConfig; db: Db; sessions: SessionStore; providers: IdentityProviders },
): void {
  const provider = async (kommun: KommunConfig, log: FastifyBaseLogger) => {
    try {
      return await providers.for(kommun);
    } catch (error) {
      log.warn({ err: error, kommun: kommun.id }, 'identity provider unavailable');
      throw new HttpProblem(503, problemTypes.unavailable, 'Inloggningen fungerar inte just nu. Försök igen om en stund.', undefined, {
        'retry-after': String(retryAfterSeconds),
      });
    }
  };

  app.route({
    ...operations.login,
    config: { rateLimit: anonymousWrite(config) },
    handler: async (request, reply) => {
      const kommun = kommunOf(request);
      const returnUrl = safeReturnUrl(kommun, request.query.return);
      const configuration = await provider(kommun, request.log);
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      const browser = bindBrowser(request, reply, kommun.id);
      await db
        .insertInto('auth_request')
        .values({
          state,
          nonce,
          kommun_id: kommun.id,
          code_verifier: codeVerifier,
          return_url: returnUrl.href,
          browser_hash: sha256(browser),
          expires_at: new Date(Date.now() + loginLifetimeMs),
        })
        .execute();
      const authorizationUrl = client.buildAuthorizationUrl(configuration, {
        redirect_uri: callbackUrl(config, kommun.id),
        scope: (kommun.identityProvider?.scopes ?? ['openid', 'profile']).join(' '),
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return reply.redirect(authorizationUrl.href, 302);
    },
  });

  app.route({
    ...operations.loginCallback,
    handler: async (request, reply) => {
      const kommun = kommunOf(request);
      const browser = request.cookies[loginCookie];
      if (!browser) throw loginNotFinished();
      const browserHash = sha256(browser);
      // Deleting the row is what makes a state usable once, even with two callbacks racing. Only
      // the browser that started the login deletes it: a callback opened elsewhere (an attacker's
      // link, a guessed state) neither finishes nor uses up the citizen's own login.
      const pending = await db
        .deleteFrom('auth_request')
        .where('state', '=', request.query.state)
        .where('kommun_id', '=', kommun.id)
        .where('browser_hash', '=', browserHash)
        .returningAll()
        .executeTakeFirst();
      if (!pending || pending.expires_at.getTime() < Date.now()) throw loginNotFinished();
      // The cookie goes with the last login this browser has in progress (another tab may have one).
      const another = await db
        .selectFrom('auth_request')
        .select('state')
        .where('browser_hash', '=', browserHash)
        .where('expires_at', '>', new Date())
        .executeTakeFirst();
      if (!another) reply.clearCookie(loginCookie, loginCookieOptions(request, kommun.id));
      if (request.query.error) return reply.redirect(backWithOutcome(pending.return_url, 'cancelled'), 302);

      const configuration = await provider(kommun, request.log);
      let claims: client.IDToken | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(configuration, new URL(request.url, config.publicUrl), {
          pkceCodeVerifier: pending.code_verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
        });
        claims = tokens.claims();
      } catch (error) {
        request.log.warn({ err: error, kommun: kommun.id }, 'login callback failed');
      }
      if (!claims) return reply.redirect(backWithOutcome(pending.return_url, 'failed'), 302);

      const text = (key: string): string => (typeof claims[key] === 'string' ? claims[key] : '');
      await sessions.create(reply, kommun.id, {
        subject: claims.sub,
        personnummer: text(personnummerClaim) || null,
        givenName: text('given_name'),
        familyName: text('family_name'),
        name: text('name') || `${text('given_name')} ${text('family_name')}`.trim(),
      });
      return reply.redirect(pending.return_url, 302);
    },
  });

  app.route({
    ...operations.me,
    // Nobody logged in is the usual answer, not an error: a 401 here would put an error in the
    // console of every page a widget is on.
    handler: async (request, reply) => {
      const session = await sessions.find(request);
      return session ? toUser(session) : reply.code(204).send(null);
    },
  });

  app.route({
    ...operations.logout,
    handler: async (request, reply) => {
      await sessions.destroy(request, reply);
      return reply.code(204).send(null);
    },
  });
}
