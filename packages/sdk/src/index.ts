export { createClient, getClient, type ClientOptions, type KommunkitClient } from './client.js';
export { Auth, loginOutcome, loginOutcomeParam, type AuthEndReason, type AuthEventMap, type LoginOutcome } from './auth.js';
export { draftsFor, type Drafts } from './drafts.js';
export { ApiError, NetworkError } from './errors.js';
export { defaultRetry, type CallOptions, type QueryValue, type Request, type RequestArgs, type RequestOptions, type Result, type RetryOptions } from './http.js';
export type { OperationId, Operations } from './operations.js';
export { clientHeader, idempotencyHeader, problemTypes } from '@kommunkit/contract/routes';
export { sdkVersion } from './version.js';
export type { Draft, DraftBody, FieldError, KommunInfo, Problem, ProblemType, ServiceId, User } from '@kommunkit/contract';
