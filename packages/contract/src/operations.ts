import { Type, type TSchema } from 'typebox';
import { CallbackQuery, LoginQuery, User } from './auth.js';
import { Draft, DraftBody, DraftParams } from './drafts.js';
import { Health, Readiness } from './health.js';
import { Open311ServiceRequest, ReportParams, StatusUpdate } from './felanmalan.js';
import { KommunInfo, KommunParams } from './kommun.js';
import { Problem } from './problem.js';
import { routes } from './routes.js';

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify-style path: `:name` segments. */
  url: string;
  schema: {
    operationId: string;
    summary: string;
    tags: string[];
    params?: TSchema;
    querystring?: TSchema;
    body?: TSchema;
    response: Record<number, TSchema>;
  };
}

const NoContent = Type.Null({ description: 'No content' });
const Redirect = Type.Null({ description: 'Redirect (Location header)' });
const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((status) => [status, Problem]));

/**
 * Every route of the gateway's contract, in one place: the gateway registers its handlers on
 * these definitions, the SDK builds its calls from them, and `openapi.json` is generated from them.
 */
export const operations = {
  getKommun: {
    ...routes.getKommun,
    schema: {
      operationId: 'getKommun',
      summary: "The kommun's name, theme tokens and enabled services",
      tags: ['kommun'],
      params: KommunParams,
      response: { 200: KommunInfo, ...problems(404) },
    },
  },
  login: {
    ...routes.login,
    schema: {
      operationId: 'login',
      summary: "Start e-legitimation login with the kommun's identity provider (full-page redirect)",
      tags: ['auth'],
      params: KommunParams,
      querystring: LoginQuery,
      response: { 302: Redirect, ...problems(400, 404) },
    },
  },
  loginCallback: {
    ...routes.loginCallback,
    schema: {
      operationId: 'loginCallback',
      summary: 'Where the identity provider returns; sets the session cookie and returns to the page',
      tags: ['auth'],
      params: KommunParams,
      querystring: CallbackQuery,
      response: { 302: Redirect, ...problems(400, 404) },
    },
  },
  me: {
    ...routes.me,
    schema: {
      operationId: 'me',
      summary: 'The logged-in citizen',
      tags: ['auth'],
      params: KommunParams,
      response: { 200: User, ...problems(401, 404) },
    },
  },
  logout: {
    ...routes.logout,
    schema: {
      operationId: 'logout',
      summary: 'End the session',
      tags: ['auth'],
      params: KommunParams,
      response: { 204: NoContent, ...problems(403, 404) },
    },
  },
  getDraft: {
    ...routes.getDraft,
    schema: {
      operationId: 'getDraft',
      summary: "The logged-in citizen's saved draft for a service",
      tags: ['drafts'],
      params: DraftParams,
      response: { 200: Draft, ...problems(401, 404) },
    },
  },
  saveDraft: {
    ...routes.saveDraft,
    schema: {
      operationId: 'saveDraft',
      summary: 'Save what the logged-in citizen has typed so far',
      tags: ['drafts'],
      params: DraftParams,
      body: DraftBody,
      response: { 200: Draft, ...problems(400, 401, 403, 404, 409, 413) },
    },
  },
  deleteDraft: {
    ...routes.deleteDraft,
    schema: {
      operationId: 'deleteDraft',
      summary: 'Throw away the saved draft',
      tags: ['drafts'],
      params: DraftParams,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
  },
  updateReportStatus: {
    ...routes.updateReportStatus,
    schema: {
      operationId: 'updateReportStatus',
      summary: "Case workers: change a report's status and add a public note (Authorization: Bearer <the kommun's case-worker key>)",
      tags: ['felanmalan'],
      params: ReportParams,
      body: StatusUpdate,
      response: { 200: Open311ServiceRequest, ...problems(400, 401, 404) },
    },
  },
  health: {
    ...routes.health,
    schema: {
      operationId: 'health',
      summary: 'The process is up',
      tags: ['operations'],
      response: { 200: Health },
    },
  },
  ready: {
    ...routes.ready,
    schema: {
      operationId: 'ready',
      summary: 'The gateway can serve requests (database reachable)',
      tags: ['operations'],
      response: { 200: Readiness, 503: Readiness },
    },
  },
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
