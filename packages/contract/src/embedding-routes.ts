/**
 * Method and path of the embedding check, free of TypeBox like `routes.ts`. A module of its
 * own, not part of `routes`, so that only the code that asks it (the SDK's lazily loaded
 * diagnosis, the snippet builder) carries it (`@kommunkit/contract/embedding-routes`);
 * `operations` adds the schemas.
 */
export const embeddingRoutes = {
  checkEmbedding: { method: 'GET', url: '/api/v1/embedding' },
} as const satisfies Record<string, { method: 'GET'; url: string }>;

/** The one segment after `/api/v1/` that names no kommun: a kommun id may never be this. */
export const embeddingSegment = 'embedding';
