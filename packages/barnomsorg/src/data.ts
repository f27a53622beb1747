/** The widget's reads, as `@lit/task`s that re-run when their arguments change, and its writes, as thin SDK calls. */
import type { KommunkitClient } from '@kommunkit/sdk';
import {
  createApplication,
  getBarnomsorgSettings,
  listChildren,
  listUnits,
  type Application,
  type BarnomsorgSettings,
  type Children,
  type NewApplication,
  type PlacementType,
  type Unit,
} from '@kommunkit/sdk/barnomsorg';
import { getBarnomsorgOverview, type BarnomsorgOverview } from '@kommunkit/sdk/barnomsorg-mine';
import { initialState, Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';

type ClientGetter = () => KommunkitClient | undefined;
/** Reads wait for the login: everything but the settings and units needs a session, and the form is behind the gate. */
type SignedIn = () => boolean;

/** The kommun's rules (ranked units, maxtaxa, areas, today's date). */
export const settingsTask = (host: ReactiveControllerHost, client: ClientGetter, signedIn: SignedIn): Task<[KommunkitClient | undefined, boolean], BarnomsorgSettings> =>
  new Task(host, {
    task: async ([current, wanted], { signal }) => (current && wanted ? getBarnomsorgSettings(current, { signal }) : initialState),
    args: () => [client(), signedIn()],
  });

/** The logged-in guardian's children (never one with protected identity). */
export const childrenTask = (host: ReactiveControllerHost, client: ClientGetter, signedIn: SignedIn): Task<[KommunkitClient | undefined, boolean], Children> =>
  new Task(host, {
    task: async ([current, wanted], { signal }) => (current && wanted ? listChildren(current, { signal }) : initialState),
    args: () => [client(), signedIn()],
  });

/** The guardian's applications and placements, for `reader` (null: not read), again when `revision` changes. */
export const overviewTask = (
  host: ReactiveControllerHost,
  client: ClientGetter,
  reader: () => object | null,
  revision: () => number,
): Task<[KommunkitClient | undefined, object | null, number], BarnomsorgOverview> =>
  new Task(host, {
    task: async ([current, who], { signal }) => (current && who ? getBarnomsorgOverview(current, { signal }) : initialState),
    // The revision changes when the guardian comes back from an application: the list is read again.
    args: () => [client(), reader(), revision()],
  });

/** The largest page the contract allows: a kommun's units of one type are read whole, a page at a time. */
const unitsPageSize = 100;

/**
 * Every unit of the chosen type. Read whole (a kommun has tens, not thousands), so the search and
 * the area filter answer as the guardian types, the ranked list and the sibling question name
 * units found earlier, and a restored draft's choices have their names.
 */
export const unitsTask = (host: ReactiveControllerHost, client: ClientGetter, type: () => PlacementType | ''): Task<[KommunkitClient | undefined, PlacementType | ''], Unit[]> =>
  new Task(host, {
    task: async ([current, chosen], { signal }) => {
      if (!current || !chosen) return initialState;
      const units: Unit[] = [];
      for (let page = 1; ; page++) {
        const found = await listUnits(current, { type: chosen, page, pageSize: unitsPageSize }, { signal });
        units.push(...found.items);
        if (found.items.length === 0 || units.length >= found.total) return units;
      }
    },
    args: () => [client(), type()],
  });

/** Sends the application under the caller's idempotency key, until `signal` aborts. */
export const sendApplication = (client: KommunkitClient, application: NewApplication, options: { idempotencyKey: string; signal: AbortSignal }): Promise<Application> =>
  createApplication(client, application, options);
