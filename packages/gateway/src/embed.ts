import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';

export const embedPrefix = '/kommunkit/v1/';
export const loaderName = 'kommunkit.js';

/**
 * Serves the embed bundle. Kommun pages on other origins load it as module scripts, which
 * need CORS. The loader's URL is what editors paste, so it is cached briefly and updates reach
 * every page within minutes; chunks have hashed names and are cached for a year.
 */
export async function embedRoutes(app: FastifyInstance, root: string | undefined): Promise<void> {
  if (!root || !existsSync(root)) return;
  await app.register(fastifyStatic, {
    root,
    prefix: embedPrefix,
    decorateReply: false,
    index: false,
    cacheControl: false,
    setHeaders: (response, path) => {
      void response.header('access-control-allow-origin', '*');
      void response.header('cross-origin-resource-policy', 'cross-origin');
      void response.header('x-content-type-options', 'nosniff');
      void response.header('cache-control', path.endsWith(`/${loaderName}`) ? 'public, max-age=300' : 'public, max-age=31536000, immutable');
    },
  });
}
