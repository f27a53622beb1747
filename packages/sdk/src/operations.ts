import type * as contract from '@kommunkit/contract';
import type { Draft, DraftBody, KommunInfo, ServiceId, User } from '@kommunkit/contract';

/**
 * Method and path of every contract operation the SDK calls, checked against the contract's
 * `operations` at compile time: a changed path or method in the contract fails the SDK's
 * typecheck. A service module adds its operations here and in {@link Operations}.
 */
export const routes = {
  getKommun: { method: 'GET', url: '/api/v1/:kommun' },
  login: { method: 'GET', url: '/api/v1/:kommun/auth/login' },
  me: { method: 'GET', url: '/api/v1/:kommun/auth/me' },
  logout: { method: 'POST', url: '/api/v1/:kommun/auth/logout' },
  getDraft: { method: 'GET', url: '/api/v1/:kommun/drafts/:service' },
  saveDraft: { method: 'PUT', url: '/api/v1/:kommun/drafts/:service' },
  deleteDraft: { method: 'DELETE', url: '/api/v1/:kommun/drafts/:service' },
} as const satisfies {
  readonly [K in contract.OperationId]?: Pick<(typeof contract.operations)[K], 'method' | 'url'>;
};

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
}

/**
 * What each operation the SDK can `request` takes and returns, in the contract's types.
 * `params` are the path parameters besides `kommun` (the client fills that in); `query` and
 * `body` are present only for operations that have them; `result` is the 2xx body
 * (`undefined` for 204 No Content).
 */
export interface Operations {
  getKommun: { result: KommunInfo };
  me: { result: User };
  logout: { result: undefined };
  getDraft: { params: { service: ServiceId }; result: Draft };
  saveDraft: { params: { service: ServiceId }; body: DraftBody; result: Draft };
  deleteDraft: { params: { service: ServiceId }; result: undefined };
}

export type OperationId = keyof Operations & keyof typeof routes;
