import { operations, problemTypes } from '@kommunkit/contract';
import { requireBearerKey, requireService } from '../../http/guards.js';
import { isStorableDate, storableYears } from '../../http/hygiene.js';
import { HttpProblem } from '../../http/problem.js';
import type { Gateway } from '../../types.js';
import type { Felanmalan } from './domain.js';
import { toServiceRequests, type MediaUrl } from './mapping.js';

/** Felanmälan's contract operations: the case workers' API, where their system changes a report's status with the kommun's key. */
export function felanmalanRoutes(app: Gateway, { felanmalan, mediaUrl }: { felanmalan: Felanmalan; mediaUrl: MediaUrl }): void {
  app.route({
    ...operations.updateReportStatus,
    config: { keyAuthenticated: true },
    handler: async (request) => {
      const { kommun, settings } = requireService(request, 'felanmalan');
      requireBearerKey(request, settings.caseWorkerApiKey, 'Ange kommunens nyckel för handläggare: Authorization: Bearer <nyckel>.');
      const { status, note, expectedAt } = request.body;
      // The date-time format lets a leap second (…:60) and far-off years through; JavaScript and PostgreSQL do not.
      const expected = expectedAt === undefined ? undefined : new Date(expectedAt);
      if (expected && !isStorableDate(expected)) {
        const detail = `Ange en tidpunkt mellan år ${String(storableYears.min)} och ${String(storableYears.max)}, till exempel 2026-12-24T12:00:00+01:00.`;
        throw new HttpProblem(400, problemTypes.validation, undefined, [{ pointer: '/body/expectedAt', detail }]);
      }
      const row = await felanmalan.updateStatus(kommun, request.params.reference, { status, note, expectedAt: expected });
      if (!row) throw new HttpProblem(404, problemTypes.notFound, `Det finns inget ärende med nummer ${request.params.reference}.`);
      const [updated] = toServiceRequests(mediaUrl, kommun, settings, [row], true);
      return updated!;
    },
  });
}
