import { operations, problemTypes } from '@kommunkit/contract';
import type { KommunConfig } from '../../config/schema.js';
import { requireService } from '../../http/guards.js';
import { HttpProblem, unavailable } from '../../http/problem.js';
import type { Gateway } from '../../types.js';
import { maxSearchResults, nearestWithinMetres, type Geocoder } from './geocoder.js';

/** Addresses change seldom; the same question from many citizens is answered by their caches. */
const cacheable = 'public, max-age=300';

/**
 * The geocoder's contract operations, public reads of the kommun's address register: a typed
 * address as positions (`searchAddresses`), a pin as its nearest address (`nearestAddress`).
 */
export function geocoderRoutes(app: Gateway, { geocoderFor }: { geocoderFor: (kommun: KommunConfig) => Geocoder | undefined }): void {
  const geocoderOf = (kommun: KommunConfig): Geocoder => {
    const geocoder = geocoderFor(kommun);
    if (!geocoder) throw new HttpProblem(404, problemTypes.notFound, 'Kommunen har inget adressregister i tjänsten. Skriv platsen med egna ord.');
    return geocoder;
  };
  /** The register is a dependency like the database: when it fails, try again shortly. */
  const ask = async <T>(question: () => Promise<T>): Promise<T> => {
    try {
      return await question();
    } catch (error) {
      if (error instanceof HttpProblem) throw error;
      throw unavailable();
    }
  };

  app.route({
    ...operations.searchAddresses,
    handler: async (request, reply) => {
      const { kommun } = requireService(request, 'felanmalan');
      const geocoder = geocoderOf(kommun);
      const items = await ask(() => geocoder.search(request.query.q, maxSearchResults));
      void reply.header('cache-control', cacheable);
      return { items };
    },
  });

  app.route({
    ...operations.nearestAddress,
    handler: async (request, reply) => {
      const { kommun } = requireService(request, 'felanmalan');
      const geocoder = geocoderOf(kommun);
      const { lat, long } = request.query;
      const nearest = await ask(() => geocoder.nearest({ lat, long }, nearestWithinMetres));
      void reply.header('cache-control', cacheable);
      if (!nearest) throw new HttpProblem(404, problemTypes.notFound, `Det finns ingen adress inom ${String(nearestWithinMetres)} meter från platsen.`);
      return nearest;
    },
  });
}
