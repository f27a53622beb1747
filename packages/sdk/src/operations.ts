import type { Draft, DraftBody, KommunInfo, ServiceId, User } from '@kommunkit/contract';
import type { routes } from '@kommunkit/contract/routes';

/** Method and path of a contract route (from `@kommunkit/contract/routes`, which has no TypeBox in it). */
export type Route = (typeof routes)[keyof typeof routes];

/**
 * What each operation that the SDK can `request` takes and returns, using the contract's types.
 * Every key must be a route in `@kommunkit/contract/routes`, or `request` will not compile.
 * `params` are the path parameters other than `kommun`, which the client fills in. `query` and
 * `body` appear only for operations that have them. `result` is the 2xx body (`undefined` for
 * 204 No Content). A service module adds its operations here.
 */
export interface Operations {
  getKommun: { result: KommunInfo };
  /** Undefined when nobody is logged in (204). */
  me: { result: User | undefined };
  logout: { result: undefined };
  getDraft: { params: { service: ServiceId }; result: Draft };
  saveDraft: { params: { service: ServiceId }; body: DraftBody; result: Draft };
  deleteDraft: { params: { service: ServiceId }; result: undefined };
}

export type OperationId = keyof Operations;
