import { maxDraftBytes, operations, problemTypes, type Draft, type ServiceId } from '@kommunkit/contract';
import type { FastifyRequest } from 'fastify';
import type { SessionStore } from '../auth/sessions.js';
import type { Db } from '../db/database.js';
import { requireCitizen, requireService } from '../http/guards.js';
import { HttpProblem } from '../http/problem.js';
import type { Gateway } from '../types.js';
import { DraftStore, type DraftKey, type DraftRow } from './store.js';

const toDraft = (row: DraftRow): Draft => ({
  service: row.service as ServiceId,
  data: row.data as Record<string, unknown>,
  ...(row.step ? { step: row.step } : {}),
  revision: row.revision,
  updatedAt: row.updated_at.toISOString(),
});

/** Server-side drafts: keyed by kommun, the session's subject and service, so only the owner reaches one. */
export function draftRoutes(app: Gateway, { db, sessions }: { db: Db; sessions: SessionStore }): void {
  const store = new DraftStore(db);
  const owner = async (request: FastifyRequest, service: ServiceId): Promise<DraftKey> => {
    const { kommun } = requireService(request, service);
    const session = await requireCitizen(request, sessions);
    return { kommun_id: kommun.id, subject: session.subject, service };
  };

  app.route({
    ...operations.getDraft,
    handler: async (request) => {
      const row = await store.get(await owner(request, request.params.service));
      if (!row) throw new HttpProblem(404, problemTypes.notFound, 'Det finns inget sparat utkast.');
      return toDraft(row);
    },
  });

  app.route({
    ...operations.saveDraft,
    bodyLimit: maxDraftBytes + 1024,
    handler: async (request) => {
      const key = await owner(request, request.params.service);
      const { data, step, revision } = request.body;
      if (Buffer.byteLength(JSON.stringify(data)) > maxDraftBytes) throw new HttpProblem(413, problemTypes.payloadTooLarge, 'Utkastet är för stort för att sparas.');
      const row = await store.save(key, { data, step: step ?? null, revision });
      if (!row) {
        throw new HttpProblem(
          409,
          problemTypes.conflict,
          'Utkastet har ändrats i en annan webbläsare eller på en annan enhet. Läs in det sparade utkastet och försök igen.',
        );
      }
      return toDraft(row);
    },
  });

  app.route({
    ...operations.deleteDraft,
    handler: async (request, reply) => {
      await store.delete(await owner(request, request.params.service));
      return reply.code(204).send(null);
    },
  });
}
