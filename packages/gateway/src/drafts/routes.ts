import { maxDraftBytes, operations, problemTypes, type Draft, type ServiceId } from '@kommunkit/contract';
import type { FastifyRequest } from 'fastify';
import type { SessionStore } from '../auth/sessions.js';
import type { Db } from '../db/database.js';
import type { DraftTable } from '../db/schema.js';
import { kommunOf } from '../http/kommun.js';
import { HttpProblem } from '../http/problem.js';
import type { Gateway } from '../types.js';

const toDraft = (row: Pick<DraftTable, 'service' | 'step'> & { data: unknown; updated_at: Date }): Draft => ({
  service: row.service as ServiceId,
  data: row.data as Record<string, unknown>,
  ...(row.step ? { step: row.step } : {}),
  updatedAt: row.updated_at.toISOString(),
});

/** Server-side drafts: keyed by kommun, the session's subject and service, so only the owner reaches one. */
export function draftRoutes(app: Gateway, { db, sessions }: { db: Db; sessions: SessionStore }): void {
  const owner = async (request: FastifyRequest, service: ServiceId) => {
    const kommun = kommunOf(request);
    if (!(service in kommun.services)) throw new HttpProblem(404, problemTypes.serviceDisabled);
    const session = await sessions.require(request);
    return { kommun_id: kommun.id, subject: session.subject, service };
  };

  app.route({
    ...operations.getDraft,
    handler: async (request) => {
      const key = await owner(request, request.params.service);
      const row = await db
        .selectFrom('draft')
        .selectAll()
        .where('kommun_id', '=', key.kommun_id)
        .where('subject', '=', key.subject)
        .where('service', '=', key.service)
        .executeTakeFirst();
      if (!row) throw new HttpProblem(404, problemTypes.notFound, 'Det finns inget sparat utkast.');
      return toDraft(row);
    },
  });

  app.route({
    ...operations.saveDraft,
    bodyLimit: maxDraftBytes + 1024,
    handler: async (request) => {
      const key = await owner(request, request.params.service);
      const data = JSON.stringify(request.body.data);
      if (Buffer.byteLength(data) > maxDraftBytes) throw new HttpProblem(413, problemTypes.payloadTooLarge, 'Utkastet är för stort för att sparas.');
      const values = { ...key, data, step: request.body.step ?? null, updated_at: new Date() };
      const row = await db
        .insertInto('draft')
        .values(values)
        .onConflict((conflict) => conflict.columns(['kommun_id', 'subject', 'service']).doUpdateSet({ data, step: values.step, updated_at: values.updated_at }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDraft(row);
    },
  });

  app.route({
    ...operations.deleteDraft,
    handler: async (request, reply) => {
      const key = await owner(request, request.params.service);
      await db
        .deleteFrom('draft')
        .where('kommun_id', '=', key.kommun_id)
        .where('subject', '=', key.subject)
        .where('service', '=', key.service)
        .execute();
      return reply.code(204).send(null);
    },
  });
}
