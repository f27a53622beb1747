import { operations, problemTypes } from '@kommunkit/contract';
import type { ResolvedConfig } from '../config/load.js';
import { kommunOf } from '../http/kommun.js';
import { isStorableDate, storableYears } from '../http/hygiene.js';
import { HttpProblem } from '../http/problem.js';
import { sameSecret } from '../http/secrets.js';
import type { Gateway } from '../types.js';
import { serviceRequestsFrom } from './service-requests.js';
import type { ReportStore } from './store.js';

/** The case workers' API: their system changes a report's status with the kommun's key. */
export function caseWorkerRoutes(app: Gateway, { config, store }: { config: ResolvedConfig; store: ReportStore }): void {
  const serviceRequests = serviceRequestsFrom(config);

  app.route({
    ...operations.updateReportStatus,
    config: { keyAuthenticated: true },
    handler: async (request) => {
      const kommun = kommunOf(request);
      const settings = kommun.services.felanmalan;
      if (!settings) throw new HttpProblem(404, problemTypes.serviceDisabled);
      const key = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (!key || !sameSecret(settings.caseWorkerApiKey, key)) {
        throw new HttpProblem(401, problemTypes.unauthenticated, 'Ange kommunens nyckel för handläggare: Authorization: Bearer <nyckel>.');
      }
      const { status, note, expectedAt } = request.body;
      // The date-time format lets a leap second (…:60) and far-off years through; JavaScript and PostgreSQL do not.
      const expected = expectedAt === undefined ? undefined : new Date(expectedAt);
      if (expected && !isStorableDate(expected)) {
        const detail = `Ange en tidpunkt mellan år ${String(storableYears.min)} och ${String(storableYears.max)}, till exempel 2026-12-24T12:00:00+01:00.`;
        throw new HttpProblem(400, problemTypes.validation, undefined, [{ pointer: '/body/expectedAt', detail }]);
      }
      const row = await store.changeStatus(kommun.id, request.params.reference, {
        status,
        note,
        expectedAt: expected,
      });
      if (!row) throw new HttpProblem(404, problemTypes.notFound, `Det finns inget ärende med nummer ${request.params.reference}.`);
      const [updated] = serviceRequests(kommun, settings, [row], true);
      return updated!;
    },
  });
}
