/** The widget's reads, as `@lit/task`s that re-run when their arguments change, and its writes, as thin SDK calls. */
import { initialState, Task } from '@lit/task';
import type { KommunkitClient } from '@kommunkit/sdk';
import { felanmalanFor, type FelanmalanReport, type Open311Service, type Open311ServiceDefinition, type Open311ServiceRequest, type SubmittedReport } from '@kommunkit/sdk/felanmalan';
import type { ReactiveControllerHost } from 'lit';

type ClientGetter = () => KommunkitClient | undefined;

/** The kommun's categories: the category page waits for them. */
export const servicesTask = (host: ReactiveControllerHost, client: ClientGetter): Task<[KommunkitClient | undefined], Open311Service[]> =>
  new Task(host, {
    task: async ([current], { signal }) => (current ? felanmalanFor(current).services({ signal }) : initialState),
    args: () => [client()],
  });

/** The chosen category's extra questions; a category without metadata has none. */
export const definitionTask = (
  host: ReactiveControllerHost,
  client: ClientGetter,
  service: () => Open311Service | undefined,
): Task<[KommunkitClient | undefined, Open311Service | undefined], Open311ServiceDefinition> =>
  new Task(host, {
    task: async ([current, chosen], { signal }) => {
      if (!current || !chosen) return initialState;
      if (!chosen.metadata) return { service_code: chosen.service_code, attributes: [] };
      return felanmalanFor(current).service(chosen.service_code, { signal });
    },
    args: () => [client(), service()],
  });

/** A report looked up by reference ("Följ ärende"); null when there is none. */
export const lookupTask = (
  host: ReactiveControllerHost,
  client: ClientGetter,
  reference: () => string,
): Task<[KommunkitClient | undefined, string], Open311ServiceRequest | null> =>
  new Task(host, {
    task: async ([current, wanted], { signal }) => (current && wanted ? felanmalanFor(current).lookup(wanted, { signal }) : initialState),
    args: () => [client(), reference()],
  });

/** Files the report with its photos, under the caller's idempotency key, until `signal` aborts. */
export const submitReport = (
  client: KommunkitClient,
  report: FelanmalanReport,
  photos: readonly Blob[],
  options: { idempotencyKey: string; signal: AbortSignal },
): Promise<SubmittedReport> => felanmalanFor(client).submit(report, { photos: [...photos], ...options });
