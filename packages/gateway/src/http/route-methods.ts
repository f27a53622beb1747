import type { FastifyInstance } from 'fastify';
import { pathOf } from './paths.js';

/**
 * Remembers every concrete route's path pattern and methods (Fastify answers an unknown method
 * with 404), so the not-found handler can tell "no such path" (404) from "wrong method" (405).
 * Wildcard routes (the demo site's static files, the dev IdP, CORS's `OPTIONS *`) are left
 * out: they match every path under them, so they say nothing about whether a path exists.
 */
export function trackRouteMethods(app: FastifyInstance): (url: string) => string[] {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.includes('*')) return;
    // `:name` is one parameter, also inside a segment (`:name.html`, `:code.:format`). A
    // parameter before a dot stops at the dot, so no pattern can backtrack over a long path.
    const parts = route.url.split(/(:[A-Za-z0-9_]+)/);
    const source = parts
      .map((part, index) => (part.startsWith(':') ? (parts[index + 1]?.startsWith('.') ? '[^/.]+' : '[^/]+') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    routes.push({ pattern: new RegExp(`^${source}$`), methods: [route.method].flat() });
  });
  // CORS answers OPTIONS on every path, so OPTIONS and HEAD say nothing about a path existing.
  const incidental = new Set(['OPTIONS', 'HEAD']);
  return (url) => {
    const path = pathOf(url);
    return [
      ...new Set(
        routes
          .filter((route) => route.pattern.test(path))
          .flatMap((route) => route.methods)
          .filter((method) => !incidental.has(method)),
      ),
    ];
  };
}
