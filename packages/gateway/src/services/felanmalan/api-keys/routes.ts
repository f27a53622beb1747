import { maxApiKeyLabelLength, operations, problemTypes } from '@kommunkit/contract';
import type { FastifyRequest } from 'fastify';
import { requireBearerKey, requireService } from '../../../http/guards.js';
import { HttpProblem } from '../../../http/problem.js';
import type { Gateway } from '../../../types.js';
import { checkLabel, type ApiKeys, type LabelProblem } from './keys.js';

const labelProblems: Record<LabelProblem, string> = {
  empty: 'Ange vilken app eller vilket system nyckeln är till.',
  long: `Får vara högst ${String(maxApiKeyLabelLength)} tecken.`,
  control: 'Får inte innehålla radbrytningar, tabbar eller andra kontrolltecken.',
};

/** The kommun, when the caller holds its case-worker key (401 otherwise, as for status changes). */
function caseWorkersKommun(request: FastifyRequest) {
  const { kommun, settings } = requireService(request, 'felanmalan');
  requireBearerKey(request, settings.caseWorkerApiKey, 'Ange kommunens nyckel för handläggare: Authorization: Bearer <nyckel>.');
  return kommun;
}

/**
 * The case workers' API for Open311 api_keys: issue one to an app (the key is in that answer
 * only), list them without the keys, revoke one. The kommun's case-worker key, as for status
 * changes; every answer is `Cache-Control: no-store` (as every API answer without its own).
 */
export function apiKeyRoutes(app: Gateway, { apiKeys }: { apiKeys: ApiKeys }): void {
  app.route({
    ...operations.issueApiKey,
    config: { keyAuthenticated: true },
    handler: async (request, reply) => {
      const kommun = caseWorkersKommun(request);
      const checked = checkLabel(request.body.label);
      if ('problem' in checked) throw new HttpProblem(400, problemTypes.validation, undefined, [{ pointer: '/body/label', detail: labelProblems[checked.problem] }]);
      const issued = await apiKeys.issue(kommun.id, checked.label);
      request.log.info({ kommun: kommun.id, apiKey: issued.id, label: issued.label }, 'Open311 api_key issued');
      return reply.code(201).send(issued);
    },
  });

  app.route({
    ...operations.listApiKeys,
    config: { keyAuthenticated: true },
    handler: async (request) => ({ items: await apiKeys.list(caseWorkersKommun(request).id) }),
  });

  app.route({
    ...operations.revokeApiKey,
    config: { keyAuthenticated: true },
    handler: async (request, reply) => {
      const kommun = caseWorkersKommun(request);
      const revoked = await apiKeys.revoke(kommun.id, request.params.id);
      if (!revoked) throw new HttpProblem(404, problemTypes.notFound, `Kommunen har ingen API-nyckel med id ${request.params.id}.`);
      request.log.info({ kommun: kommun.id, apiKey: revoked.id }, 'Open311 api_key revoked');
      return reply.code(204).send(null);
    },
  });
}
