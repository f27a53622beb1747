import type { Draft, KommunInfo, User } from '@kommunkit/sdk';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';

/**
 * The gateway's part for the controllers' tests and stories, over MSW: kommun info, auth/me,
 * logout and the server draft with revisions (1 on the first save, +1 per save; a stale or
 * deleted base answers 409). Every request is counted, and what the drafts received is kept.
 */
export interface GatewayState {
  kommun: KommunInfo | 'error' | 'hang';
  /** The citizen the session belongs to; null: no session (auth/me and drafts answer 401). */
  user: User | null | 'error' | 'hang';
  drafts: Map<string, Draft>;
  /** PUT bodies received, in order. */
  saves: Record<string, unknown>[];
  deletes: number;
  /** The next PUTs answer 503 (this many). */
  failSaves: number;
  /** Requests per `METHOD path`, e.g. `GET /api/v1/exempelstad`. */
  requests: string[];
}

export const anna = (expiresAt = new Date(Date.now() + 30 * 60_000).toISOString()): User => ({
  name: 'Anna Andersson',
  givenName: 'Anna',
  familyName: 'Andersson',
  kommun: 'exempelstad',
  expiresAt,
});

export const kommunInfo = (id = 'exempelstad', services: KommunInfo['services'] = ['felanmalan']): KommunInfo => ({
  id,
  name: 'Exempelstads kommun',
  theme: { 'color-text': 'rgb(10, 20, 30)' },
  services,
});

export function gatewayState(overrides: Partial<GatewayState> = {}): GatewayState {
  return { kommun: kommunInfo(), user: null, drafts: new Map(), saves: [], deletes: 0, failSaves: 0, requests: [], ...overrides };
}

const problem = (status: number, type: string, title: string) =>
  HttpResponse.json({ type, title, status }, { status, headers: { 'content-type': 'application/problem+json' } });
const unauthenticated = () => problem(401, 'urn:kommunkit:problem:unauthenticated', 'Du behöver logga in');

/** A draft as stored: the revision where the contract has it. */
export function storedDraft(service: Draft['service'], data: Record<string, unknown>, revision: number, updatedAt = new Date().toISOString()): Draft {
  return { service, data, updatedAt, revision };
}

/** `current` gives the state to answer from (a test replaces it before each test). */
export function gatewayHandlers(current: () => GatewayState): HttpHandler[] {
  const state = new Proxy({} as GatewayState, {
    get: (_, key) => current()[key as keyof GatewayState],
    set: (_, key, value) => Reflect.set(current(), key, value),
  });
  const seen = (request: Request): void => {
    state.requests.push(`${request.method} ${new URL(request.url).pathname}`);
  };
  const session = (): User | null => (typeof state.user === 'object' ? state.user : null);
  return [
    http.get('*/api/v1/:kommun', async ({ request }) => {
      seen(request);
      if (state.kommun === 'hang') await delay('infinite');
      if (state.kommun === 'error') return problem(404, 'urn:kommunkit:problem:unknown-kommun', 'Kommunen finns inte i tjänsten');
      return HttpResponse.json(state.kommun);
    }),
    http.get('*/api/v1/:kommun/auth/me', async ({ request }) => {
      seen(request);
      if (state.user === 'hang') await delay('infinite');
      if (state.user === 'error') return HttpResponse.error();
      return state.user ? HttpResponse.json(state.user) : unauthenticated();
    }),
    http.post('*/api/v1/:kommun/auth/logout', ({ request }) => {
      seen(request);
      state.user = null;
      return new HttpResponse(null, { status: 204 });
    }),
    http.get('*/api/v1/:kommun/drafts/:service', ({ request, params }) => {
      seen(request);
      if (!session()) return unauthenticated();
      const draft = state.drafts.get(String(params.service));
      return draft ? HttpResponse.json(draft) : problem(404, 'urn:kommunkit:problem:not-found', 'Sidan eller uppgiften finns inte');
    }),
    http.put('*/api/v1/:kommun/drafts/:service', async ({ request, params }) => {
      seen(request);
      if (!session()) return unauthenticated();
      const body = (await request.json()) as Record<string, unknown>;
      state.saves.push(body);
      if (state.failSaves > 0) {
        state.failSaves--;
        return problem(503, 'urn:kommunkit:problem:unavailable', 'Tjänsten är inte tillgänglig just nu');
      }
      const service = String(params.service);
      const current = state.drafts.get(service);
      if (typeof body.revision === 'number' && body.revision !== current?.revision) {
        return problem(409, 'urn:kommunkit:problem:conflict', 'Uppgiften har ändrats under tiden');
      }
      const draft: Draft = {
        service: service as Draft['service'],
        data: body.data as Record<string, unknown>,
        ...(typeof body.step === 'string' ? { step: body.step } : {}),
        updatedAt: new Date().toISOString(),
        revision: (current?.revision ?? 0) + 1,
      };
      state.drafts.set(service, draft);
      return HttpResponse.json(draft);
    }),
    http.delete('*/api/v1/:kommun/drafts/:service', ({ request, params }) => {
      seen(request);
      if (!session()) return unauthenticated();
      state.deletes++;
      state.drafts.delete(String(params.service));
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}

let apis = 0;
/** A gateway URL no earlier test used, so `getClient()` makes a fresh client (and login state). */
export const freshApi = (): string => `http://gw${String(++apis)}-${String(Date.now())}.test`;
