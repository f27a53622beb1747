import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { loginCss, loginPage } from './login-page.js';
import { personById } from './persons.js';
import { createDevProvider, type DevIdpClient } from './provider.js';

export interface DevIdpOptions {
  /** Full issuer URL; its path is where the provider is mounted (e.g. `http://localhost:8080/dev-idp`). */
  issuer: string;
  clients: DevIdpClient[];
}

/**
 * Mounts the development identity provider on the gateway: the login page is ours (Fastify
 * routes), everything else is oidc-provider, which is a Koa app and gets the raw request with
 * the mount path taken off its URL.
 */
async function devIdpPlugin(app: FastifyInstance, { issuer, clients }: DevIdpOptions): Promise<void> {
  const provider = createDevProvider(issuer, clients);
  const prefix = new URL(issuer).pathname.replace(/\/$/, '');
  const callback = provider.callback();

  await app.register(async (scope) => {
    await scope.register(formbody);

    scope.get(`${prefix}/login.css`, (_request, reply) => reply.type('text/css; charset=utf-8').send(loginCss));

    scope.get<{ Params: { uid: string } }>(`${prefix}/interaction/:uid`, async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const client = await provider.Client.find(String(details.params.client_id));
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(loginPage({ action: `${prefix}/interaction/${request.params.uid}/login`, clientName: client?.clientId ?? 'kommunen' }));
    });

    scope.post<{ Params: { uid: string }; Body: { person?: string } }>(`${prefix}/interaction/:uid/login`, async (request, reply) => {
      await provider.interactionDetails(request.raw, reply.raw);
      const person = personById(request.body.person ?? '');
      if (!person) {
        return reply
          .code(400)
          .type('text/html; charset=utf-8')
          .send(loginPage({ action: `${prefix}/interaction/${request.params.uid}/login`, clientName: 'kommunen', error: 'Välj en testperson.' }));
      }
      const redirectTo = await provider.interactionResult(request.raw, reply.raw, { login: { accountId: person.id } }, { mergeWithLastSubmission: false });
      return reply.redirect(redirectTo, 303);
    });

    scope.post<{ Params: { uid: string } }>(`${prefix}/interaction/:uid/abort`, async (request, reply) => {
      const redirectTo = await provider.interactionResult(
        request.raw,
        reply.raw,
        { error: 'access_denied', error_description: 'Inloggningen avbröts' },
        { mergeWithLastSubmission: false },
      );
      return reply.redirect(redirectTo, 303);
    });

  });

  // oidc-provider reads request bodies itself, so these routes leave the stream unread.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => {
      done(null);
    });
    const mount = (request: FastifyRequest, reply: FastifyReply) => {
      reply.hijack();
      const raw = request.raw as typeof request.raw & { originalUrl?: string };
      raw.originalUrl = raw.url;
      raw.url = (raw.url ?? '/').slice(prefix.length) || '/';
      void callback(raw, reply.raw);
    };
    scope.all(`${prefix}/*`, { exposeHeadRoute: false }, mount);
    scope.all(prefix, { exposeHeadRoute: false }, mount);
  });
}

export const devIdp = fp(devIdpPlugin, { name: 'kommunkit-dev-idp' });
