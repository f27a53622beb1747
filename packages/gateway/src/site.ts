import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compressedCopy } from './embed.js';

/**
 * The policy every demo page is served under: no inline script or style anywhere, which is
 * what the strictest kommun sites set. Pages named in `trustedTypesPages` also require Trusted
 * Types (Lit's own policy allowed), the strictest setting a browser has. The gateway is named
 * as a kommun site names it, so that a page reached at another origin (127.0.0.1 instead of
 * localhost, as the misconfiguration tests do) still loads the widgets from the gateway.
 */
function contentSecurityPolicy(trustedTypes: boolean, gateway: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${gateway}`,
    "style-src 'self'",
    `img-src 'self' ${gateway} data: blob: https://tile.openstreetmap.org`,
    `connect-src 'self' ${gateway}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    ...(trustedTypes ? ["require-trusted-types-for 'script'", 'trusted-types lit-html'] : []),
  ].join('; ');
}

const trustedTypesPages = new Set(['csp.html']);

/**
 * Serves the demo kommun site. Its pages carry the snippet exactly as an editor pastes it, with
 * `{{gateway}}` standing for this gateway's public URL, and `{{site-header}}`/`{{site-footer}}`
 * for the site's header and footer (`partials/`), filled in here.
 */
export async function siteRoutes(app: FastifyInstance, { root, publicUrl }: { root: string | undefined; publicUrl: string }): Promise<void> {
  if (!root || !existsSync(root)) return;

  // The site's header and footer, written once, as a CMS's page template has them; the header's
  // menu marks the page it is on.
  const partial = (name: string) => {
    const file = join(root, 'partials', name);
    return existsSync(file) ? readFileSync(file, 'utf8').trimEnd() : '';
  };
  const partials = { header: partial('site-header.html'), footer: partial('site-footer.html') };

  const page = async (name: string, reply: FastifyReply) => {
    const file = join(root, name);
    if (!/^[a-z0-9-]+\.html$/.test(name) || !existsSync(file)) {
      reply.callNotFound();
      return reply;
    }
    const path = name === 'index.html' ? '/' : `/${name}`;
    const html = (await readFile(file, 'utf8'))
      .replace('{{site-header}}', () => partials.header.replace(`<li><a href="${path}">`, `<li><a href="${path}" aria-current="page">`))
      .replace('{{site-footer}}', () => partials.footer)
      .replaceAll('{{gateway}}', publicUrl);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', contentSecurityPolicy(trustedTypesPages.has(name), publicUrl))
      .header('cache-control', 'no-cache')
      .send(html);
  };

  app.get('/', (_request, reply) => page('index.html', reply));
  app.get<{ Params: { name: string } }>('/:name.html', (request, reply) => page(`${request.params.name}.html`, reply));
  // A file with a brotli or gzip copy beside it (the bench's render floor) is sent as the embed's scripts are.
  await app.register(fastifyStatic, { root, prefix: '/', index: false, wildcard: true, preCompressed: true, allowedPath: (pathName) => !pathName.startsWith('/partials/') && !compressedCopy.test(pathName) });
}
