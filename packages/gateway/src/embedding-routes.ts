import { operations, problemTypes, type EmbeddingCheck } from '@kommunkit/contract';
import type { ResolvedConfig } from './config/load.js';
import { kommunLookup } from './http/kommun.js';
import { HttpProblem } from './http/problem.js';
import type { Gateway } from './types.js';

/** `value` when it is an http(s) origin exactly as a browser writes one (no path, lower case, no default port). */
function asOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value ? value : undefined;
  } catch {
    return undefined;
  }
}

const notAnOrigin = () =>
  new HttpProblem(400, problemTypes.validation, 'Adressen är inte en webbplats ursprung.', [
    { pointer: '/querystring/origin', detail: 'Ska vara schema, värd och eventuell port utan sökväg, t.ex. https://www.exempelstad.se' },
  ]);

/**
 * The embedding check (`checkEmbedding`): whether a page origin is on a kommun's list, and
 * where in the config the operator adds it. Public, so it tells only what an editor needs and
 * anyone could learn by trying: the kommun's name, and yes or no for one origin at a time (the
 * list itself is not given). CORS lets any page read it without credentials (`security.ts`).
 */
export function embeddingRoutes(app: Gateway, config: ResolvedConfig): void {
  const kommunAt = kommunLookup(config);
  app.route({
    ...operations.checkEmbedding,
    handler: (request, reply) => {
      const { kommun: id, origin: asked } = request.query;
      let origin: string | null;
      if (asked === undefined) {
        // The widget's own page. `null` (a file, a sandboxed frame) is an origin no list can hold.
        const header = request.headers.origin;
        origin = (typeof header === 'string' && asOrigin(header)) || null;
      } else {
        origin = asOrigin(asked) ?? null;
        if (origin === null) throw notAnOrigin();
      }
      const kommun = kommunAt(id, request.hostname);
      const vary = String(reply.getHeader('vary') ?? '');
      if (!/(^|,)\s*origin\s*(,|$)/i.test(vary)) void reply.header('vary', vary ? `${vary}, Origin` : 'Origin');
      void reply.header('cache-control', 'no-store');
      const answer: EmbeddingCheck = kommun
        ? {
            kommun: id,
            known: true,
            name: kommun.name,
            origin,
            originAllowed: origin !== null && kommun.origins.includes(origin),
            configKey: `kommuner[${String(config.kommuner.indexOf(kommun))}].origins`,
          }
        : { kommun: id, known: false, name: null, origin, originAllowed: false, configKey: null };
      return answer;
    },
  });
}
