import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { IncomingMessage } from 'node:http';
import { errors, type InteractionResults } from 'oidc-provider';
import type { Db } from '../db/database.js';
import { devIdpKeys } from './db-adapter.js';
import { errorPage, loginCss, loginPage, pageHeaders } from './login-page.js';
import { personById, testPersons } from './persons.js';
import { assertNotProduction, createDevProvider, issuerPath, loa3, type DevIdpClient } from './provider.js';

export type { DevIdpClient } from './provider.js';

export interface DevIdpOptions {
  /**
   * The full issuer URL, e.g. `http://localhost:8080/dev-idp`. Its path is where the provider
   * is mounted on the app, so it must have one (not `/`).
   */
  issuer: string;
  clients: readonly DevIdpClient[];
  /** Where the provider keeps its state and keys, shared by every instance on that database. */
  db: Db;
}

type RawWithMount = IncomingMessage & { originalUrl?: string; baseUrl?: string };
type UidParams = { Params: { uid: string } };

/** Words for what went wrong with an interaction, for the error page. */
function explain(error: errors.OIDCProviderError): string {
  if (error instanceof errors.SessionNotFound) return 'inloggningen har gått ut, är redan klar eller startades i ett annat fönster.';
  return error.error_description ?? error.message;
}

/**
 * Mounts the development identity provider on the gateway under the issuer's path:
 * - `{path}/interaction/:uid` (GET the login page, POST `…/login` with `person=<id>`, POST
 *   `…/abort`) and `{path}/login.css` are Fastify routes of this plugin;
 * - everything else under `{path}` (discovery, `auth`, `token`, `jwks`, `me`, the resume
 *   route) is oidc-provider's Koa app, given the raw request and response (`reply.hijack()`),
 *   with `req.url` made relative to the mount path and `req.originalUrl`/`req.baseUrl` set as
 *   oidc-provider's mounting docs do, so the URLs it builds keep the prefix.
 * Refuses to register when NODE_ENV is production.
 */
async function devIdpPlugin(app: FastifyInstance, { issuer, clients, db }: DevIdpOptions): Promise<void> {
  assertNotProduction();
  const prefix = issuerPath(issuer);
  if (!prefix) throw new Error(`The dev identity provider needs an issuer with a path to mount at (e.g. http://localhost:8080/dev-idp), not ${issuer}`);
  const provider = createDevProvider(issuer, clients, { db, keys: await devIdpKeys(db) });
  // Koa trusts X-Forwarded-* only with `proxy`; the mount below sets them from what Fastify
  // concluded under its own `trustProxy`, so the provider sees the scheme and host the gateway sees.
  provider.proxy = true;
  const callback = provider.callback();
  const stylesheet = `${prefix}/login.css`;
  const interactionPath = (uid: string) => `${prefix}/interaction/${encodeURIComponent(uid)}`;
  app.log.warn({ issuer }, 'development identity provider enabled: anyone can log in as a test person');

  await app.register(async (scope) => {
    if (!scope.hasContentTypeParser('application/x-www-form-urlencoded')) await scope.register(formbody);

    scope.setErrorHandler((error: FastifyError, _request, reply) => {
      if (!(error instanceof errors.OIDCProviderError)) throw error;
      return reply.code(error.statusCode).headers(pageHeaders).send(errorPage(explain(error), stylesheet));
    });

    /** The interaction in the cookie, which must be the one in the URL (two tabs make two). */
    const interactionOf = async (request: FastifyRequest<UidParams>, reply: FastifyReply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      if (details.uid !== request.params.uid) throw new errors.SessionNotFound('interaction in the URL is not the one in the cookie');
      return details;
    };

    const page = async (request: FastifyRequest<UidParams>, reply: FastifyReply, error?: string) => {
      const details = await interactionOf(request, reply);
      const client = await provider.Client.find(String(details.params.client_id));
      return reply
        .code(error ? 400 : 200)
        .headers(pageHeaders)
        .send(
          loginPage({
            persons: testPersons,
            action: `${interactionPath(details.uid)}/login`,
            abortAction: `${interactionPath(details.uid)}/abort`,
            stylesheet,
            clientName: client?.clientName ?? client?.clientId ?? 'kommunen',
            ...(error ? { error } : {}),
          }),
        );
    };

    scope.get(stylesheet, (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('x-content-type-options', 'nosniff').header('cache-control', 'no-cache').send(loginCss),
    );

    scope.get<UidParams>(`${prefix}/interaction/:uid`, (request, reply) => page(request, reply));

    scope.post<UidParams & { Body: { person?: unknown } | undefined }>(`${prefix}/interaction/:uid/login`, async (request, reply) => {
      const details = await interactionOf(request, reply);
      const chosen = request.body?.person;
      const person = typeof chosen === 'string' ? personById(chosen) : undefined;
      if (!person) return page(request, reply, 'Välj en av testpersonerna i listan.');

      // A dev IdP asks no consent: grant what the client asked for, and log in, in one step.
      const grant = new provider.Grant({ accountId: person.id, clientId: String(details.params.client_id) });
      grant.addOIDCScope(typeof details.params.scope === 'string' ? details.params.scope : 'openid');
      const result: InteractionResults = { login: { accountId: person.id, acr: loa3 }, consent: { grantId: await grant.save() } };
      const returnTo = await provider.interactionResult(request.raw, reply.raw, result, { mergeWithLastSubmission: false });
      return reply.redirect(returnTo, 303);
    });

    scope.post<UidParams>(`${prefix}/interaction/:uid/abort`, async (request, reply) => {
      await interactionOf(request, reply);
      const returnTo = await provider.interactionResult(
        request.raw,
        reply.raw,
        { error: 'access_denied', error_description: 'Inloggningen avbröts' },
        { mergeWithLastSubmission: false },
      );
      return reply.redirect(returnTo, 303);
    });
  });

  await app.register(async (scope) => {
    // oidc-provider reads request bodies itself, so these routes leave the stream unread.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => {
      done(null);
    });

    const mount = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      reply.hijack();
      const raw: RawWithMount = request.raw;
      const url = raw.url ?? prefix;
      const rest = url.slice(prefix.length);
      raw.originalUrl = url;
      raw.baseUrl = prefix;
      raw.url = rest.startsWith('/') ? rest : `/${rest}`;
      raw.headers['x-forwarded-proto'] = request.protocol;
      raw.headers['x-forwarded-host'] = request.host;
      raw.headers['x-forwarded-for'] = request.ip;
      try {
        await callback(raw, reply.raw);
      } finally {
        raw.url = url;
      }
    };
    scope.all(`${prefix}/*`, { exposeHeadRoute: false }, mount);
    scope.all(prefix, { exposeHeadRoute: false }, mount);
  });
}

/** The development identity provider as a Fastify plugin (not encapsulated: its routes are on the app). */
export const devIdp = fp(devIdpPlugin, { name: 'kommunkit-dev-idp', fastify: '5.x' });
