import type { FastifyInstance } from 'fastify';

/**
 * Remembers every route's path pattern and methods (Fastify answers an unknown method with
 * 404), so the not-found handler can tell "no such path" (404) from "wrong method" (405).
 */
export function trackRouteMethods(app: FastifyInstance): (url: string) => string[] {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (route) => {
    const source = route.url
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    routes.push({ pattern: new RegExp(`^${source}$`), methods: [route.method].flat() });
  });
  // CORS answers OPTIONS on every path, so OPTIONS and HEAD say nothing about a path existing.
  const incidental = new Set(['OPTIONS', 'HEAD']);
  return (url) => [
    ...new Set(
      routes
        .filter((route) => route.pattern.test(url))
        .flatMap((route) => route.methods)
        .filter((method) => !incidental.has(method)),
    ),
  ];
}
