import { barnomsorgCaseWorkerRoutes, barnomsorgRoutes, clientHeader, editTokenHeader, fakturorFinanceRoutes, fakturorRoutes, idempotencyHeader, lokalbokningCaseWorkerRoutes, lokalbokningRoutes, operations } from '@kommunkit/contract';
import type { TSchema } from 'typebox';
import {
  badAccepts,
  badContentTypes,
  badJsonBodies,
  badJsonStrings,
  badJsonValues,
  badMultipartBodies,
  badStrings,
  forHeader,
  forUrl,
  labelOf,
  queryShapes,
  type BadJson,
  type BadValue,
} from './bad-values.js';
import { pages } from './gateway.js';
import { percentEncode, wtf8, type RawRequest } from './raw-http.js';

/**
 * Generates the bad-input cases: for every contract operation and every Open311 route (each
 * method and format suffix), a valid base request, then that request with ONE slot (a path
 * parameter, a query parameter, a header, a body field, the whole body) replaced by each bad
 * value. Contract routes are read from `operations`, so a new route or parameter is covered
 * (or, lacking a base value, fails loudly) without editing this file.
 */

export type ErrorShape = 'problem' | 'open311';

export interface Case {
  route: string;
  slot: string;
  cls: string;
  label: string;
  request: RawRequest;
  shape: ErrorShape;
  /** A 201 from a report POST, or a 200 from a status change: read the report back as XML and JSON. */
  readBack?: 'created' | 'reference';
}

export interface Fixtures {
  /** Session cookie values of one logged-in citizen for exempelstad (two sessions: the second for logout). */
  session: string;
  logoutSession: string;
  reference: string;
  /** A report of its own for each case-worker body case, so that one stored bad note cannot spoil the read-back of the next. */
  freshReference: () => string;
  mediaId: string;
  caseWorkerKey: string;
  /** A report filed through the citizen API by the first session: the citizen routes' `:reference`. */
  ownReference: string;
  /**
   * Another of that session's reports, for each case that stores a bad description (so that its
   * read-back is its own) and for the withdrawal's base and shared report (a withdrawal is for good).
   */
  freshOwnReference: () => string;
  /** The id of an api_key issued in the setup (revoking it again is a 204 each time). */
  apiKeyId: string;
  /** Lokalbokning's, when the gateway has it (`lokalbokningFixtures`); without them its routes are left out. */
  lokalbokning?: LokalbokningFixtures | undefined;
  /** Barnomsorg's, when the gateway has it (`barnomsorgFixtures`); without them its routes are left out. */
  barnomsorg?: BarnomsorgFixtures | undefined;
}

/** What barnomsorg's routes need to answer their base requests with a 2xx (made by `barnomsorgFixtures`). */
export interface BarnomsorgFixtures {
  caseWorkerKey: string;
  /** A session of the children's other guardian: the confirm route's citizen. */
  otherSession: string;
  /**
   * Applications (and a placement) of the first session's children, each in the state its
   * route's base needs: `get` (read, written on, replied to, and withdrawn by the withdrawal's
   * cases), `withdrawBase` (withdrawn by the withdrawal's base), `answer` and `record` (an open
   * offer), `confirm` (awaiting the other guardian), `receive` (sent, confirmed), `offer` (received).
   */
  ids: Record<'get' | 'withdrawBase' | 'answer' | 'record' | 'confirm' | 'receive' | 'offer' | 'placement', string>;
  /** An application for a child and type with none active: the create route's base. */
  application: Record<string, unknown>;
  /** The same with a start the child is too young or too old for: refused (422) after every check but storing. */
  lateInvalidApplication: Record<string, unknown>;
  /** An offer the `offer` application may get. */
  offer: { unitId: string; startDate: string };
  /** A valid wished last day for the placement's notice. */
  noticeEnd: string;
}

/** What lokalbokning's routes need to answer their base requests with a 2xx (made by `lokalbokningFixtures`). */
export interface LokalbokningFixtures {
  caseWorkerKey: string;
  /** A session of the förening's representative: the season routes' citizen. */
  foreningSession: string;
  /** A booking of the first session's: the `:id` of get, .ics and (for all but the base) cancel. */
  bookingId: string;
  /** Another, cancelled by the cancel route's base. */
  cancelBookingId: string;
  /** A preliminary booking: decided by the decision route's base. */
  preliminaryBookingId: string;
  /** A season request of the förening's: decided by its decision route's base. */
  seasonRequestId: string;
  /** The representative's calendar feed token. */
  feedToken: string;
  /** A free time of Storhallen for the create route's base. */
  free: { start: string; end: string };
  /** A season the representative may ask for (a weekly time with free occurrences). */
  season: Record<string, unknown>;
}

/** Lokalbokning's operation ids, as the contract names its routes. */
const lokalbokningIds = new Set([...Object.keys(lokalbokningRoutes), ...Object.keys(lokalbokningCaseWorkerRoutes)]);
const lokalbokningCaseWorkers = new Set(Object.keys(lokalbokningCaseWorkerRoutes));
const lokalbokningSeasonRoutes = new Set(['previewSeasonRequest', 'createSeasonRequest', 'listMySeasonRequests']);

/** The base path values of lokalbokning's routes, which share the names `id` and `token` with others. */
function lokalbokningPath(id: string, fixtures: LokalbokningFixtures): Record<string, string> {
  if (id === 'getLokal' || id === 'getAvailability') return { id: 'storhallen' };
  if (id === 'decideBooking') return { id: fixtures.preliminaryBookingId };
  if (id === 'decideSeasonRequest') return { id: fixtures.seasonRequestId };
  if (id === 'calendarFeed') return { token: `${fixtures.feedToken}.ics` };
  return { id: fixtures.bookingId };
}

const jsonFields = (body: Record<string, unknown>): Record<string, string> => Object.fromEntries(Object.entries(body).map(([name, value]) => [name, JSON.stringify(value)]));

/** The base bodies of lokalbokning's writes. */
function lokalbokningBody(id: string, fixtures: LokalbokningFixtures): Record<string, string> | undefined {
  switch (id) {
    case 'createBooking':
      return jsonFields({ lokalId: 'storhallen', start: fixtures.free.start, end: fixtures.free.end, purpose: 'Innebandy', attendees: 12, acceptTerms: true });
    case 'previewSeasonRequest':
    case 'createSeasonRequest':
      return jsonFields(fixtures.season);
    case 'decideBooking':
      return jsonFields({ decision: 'bekraftad', note: 'Välkomna!' });
    case 'decideSeasonRequest':
      return jsonFields({ approve: 'all', note: 'Beviljas.' });
    default:
      return undefined;
  }
}

/** Barnomsorg's operation ids, as the contract names its routes. */
const barnomsorgIds = new Set([...Object.keys(barnomsorgRoutes), ...Object.keys(barnomsorgCaseWorkerRoutes)]);
/** Fakturor's routes: not generated here yet (the import takes XML); the fakturor tests send their bad input. */
const fakturorIds = new Set([...Object.keys(fakturorRoutes), ...Object.keys(fakturorFinanceRoutes)]);
const barnomsorgCaseWorkers = new Set(Object.keys(barnomsorgCaseWorkerRoutes));

/** The base `:id` of barnomsorg's id routes. */
function barnomsorgPath(id: string, fixtures: BarnomsorgFixtures): Record<string, string> {
  const { ids } = fixtures;
  const byRoute: Record<string, string> = {
    answerOffer: ids.answer,
    confirmApplication: ids.confirm,
    givePlacementNotice: ids.placement,
    receiveApplication: ids.receive,
    offerPlacement: ids.offer,
    recordOfferAnswer: ids.record,
  };
  return { id: byRoute[id] ?? ids.get };
}

/** The base bodies of barnomsorg's writes. */
function barnomsorgBody(id: string, fixtures: BarnomsorgFixtures): Record<string, string> | undefined {
  switch (id) {
    case 'createApplication':
      return jsonFields(fixtures.application);
    case 'answerOffer':
    case 'recordOfferAnswer':
      return jsonFields({ answer: 'accepterad' });
    case 'sendApplicationMessage':
    case 'replyToApplication':
      return jsonFields({ text: 'Hej! Hur långt har ni kommit med ansökan?' });
    case 'givePlacementNotice':
      return jsonFields({ wishedEndDate: fixtures.noticeEnd, reason: 'Vi flyttar' });
    case 'offerPlacement':
      return jsonFields(fixtures.offer);
    default:
      return undefined;
  }
}

type Headers = [string, string | Buffer][];

const headerNames = ['idempotency-key', 'content-type', 'origin', clientHeader, 'authorization', 'cookie', 'accept'] as const;

/**
 * How many values of the catalogue each slot gets: every class is represented (round-robin over
 * the classes), and the starting point moves with the slot, so that across the run every value
 * is used somewhere. BAD_INPUT_VALUES=all sends the whole catalogue to every slot (slow, thorough).
 */
const perSlot = process.env.BAD_INPUT_VALUES === 'all' ? Infinity : Number(process.env.BAD_INPUT_VALUES ?? 40);

function seedOf(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index += 1) hash = (hash * 31 + text.charCodeAt(index)) >>> 0;
  return hash;
}

export function pick<T extends { cls: string; always?: boolean }>(values: readonly T[], key: string, count = perSlot): T[] {
  if (values.length <= count) return [...values];
  // The values the issue named first (in full-size slots), then the rest round-robin over the classes.
  const chosen: T[] = count >= 40 ? values.filter((item) => item.always) : [];
  const classes = new Map<string, T[]>();
  for (const item of values) if (!chosen.includes(item)) classes.set(item.cls, [...(classes.get(item.cls) ?? []), item]);
  const seed = seedOf(key);
  const queues = [...classes.values()].map((items) => items.map((_, index) => items[(index + seed) % items.length]!));
  for (let round = 0; chosen.length < count && queues.some((queue) => round < queue.length); round += 1) {
    for (const queue of queues) if (round < queue.length && chosen.length < count) chosen.push(queue[round]!);
  }
  return chosen;
}

/** Strings for URL slots, plus structure; values are percent-encoded unless raw. */
const urlValue = (item: BadValue): string => (item.raw ? item.text : percentEncode(item.text));

function withHeader(headers: Headers, name: string, value: string | Buffer): Headers {
  return [...headers.filter(([header]) => header.toLowerCase() !== name), [name, value]];
}

/** Bad values for one header, with what that header specifically invites. */
function headerValues(name: string, fixtures: Fixtures, session: string): BadValue[] {
  const strings = forHeader(badStrings);
  const v = (cls: string, text: string, label = labelOf(text)): BadValue => ({ cls, label, text });
  switch (name) {
    case 'cookie':
      return [
        ...strings.map((item) => ({ ...item, label: `kk_session=${item.label}`, text: `kk_session=${item.text}` })),
        v('cookie', ''),
        v('cookie', ';;;'),
        v('cookie', `kk_session=${session}; kk_session=x`),
        v('cookie', `kk_session=x; kk_session=${session}`),
        v('cookie', `kk_session="${session}"`),
        v('cookie', `${'a=b; '.repeat(1000)}kk_session=${session}`, '1,000 cookies'),
        v('cookie', 'kk_session=%E0%A4%A'),
        v('cookie', '__proto__=x; constructor=y'),
      ];
    case 'authorization':
      return [
        ...strings,
        ...strings.filter((item) => item.cls !== 'huge').map((item) => ({ ...item, label: `Bearer ${item.label}`, text: `Bearer ${item.text}`, always: false })),
        v('authorization', 'Bearer'),
        v('authorization', 'Bearer '),
        v('authorization', `Bearer ${fixtures.caseWorkerKey}\u0000`),
        v('authorization', `Bearer ${fixtures.caseWorkerKey} extra`),
        v('authorization', `bearer ${fixtures.caseWorkerKey}`),
        v('authorization', `Basic ${Buffer.from('a:b').toString('base64')}`),
        v('authorization', `Bearer ${'k'.repeat(10_000)}`, 'Bearer + 10 KB'),
      ];
    case 'content-type':
      return [...strings, ...badContentTypes];
    case 'accept':
      return [...strings, ...badAccepts];
    case 'origin':
      return [...strings, v('origin', 'null'), v('origin', `${pages.exempelstad}/`), v('origin', pages.grannby), v('origin', `${pages.exempelstad}.evil.test`), v('origin', 'HTTP://WWW.EXEMPELSTAD.TEST')];
    case idempotencyHeader:
      return [...strings, v('idempotency', 'k'.repeat(10_000), '10 KB key'), v('idempotency', 'k'.repeat(201), '201-character key'), v('idempotency', 'k'.repeat(200), '200-character key')];
    case editTokenHeader:
      // Well-formed but wrong (the session still owns the report), and just over the length taken.
      return [...strings, v('edit-token', 'A'.repeat(43), 'wrong 43-character token'), v('edit-token', 'A'.repeat(201), '201-character token'), v('edit-token', 'A'.repeat(200), '200-character token')];
    default:
      return strings;
  }
}

/** Header mutations of a base request: each bad value in each of the headers the issue names, plus the header twice. */
function headerCases(route: string, base: RawRequest, shape: ErrorShape, fixtures: Fixtures, count: number, extra: readonly string[] = []): Case[] {
  const baseHeaders = [...(base.headers ?? [])] as Headers;
  const session = /kk_session=([^;]+)/.exec(String(baseHeaders.find(([header]) => header === 'cookie')?.[1] ?? ''))?.[1] ?? fixtures.session;
  const cases: Case[] = [];
  for (const name of [...headerNames, ...extra]) {
    const values = headerValues(name, fixtures, session);
    // Every Content-Type of the catalogue (they are what a parser chooses by), plus a sample of the strings.
    const chosen = name === 'content-type' ? [...badContentTypes, ...pick(values.filter((item) => item.cls !== 'content-type'), `${route} ${name}`, count)] : pick(values, `${route} ${name}`, count);
    for (const item of chosen) {
      cases.push({ route, slot: `header ${name}`, cls: item.cls, label: item.label, shape, request: { ...base, headers: withHeader(baseHeaders, name, item.text) } });
    }
    const existing = baseHeaders.find(([header]) => header === name)?.[1] ?? 'x';
    cases.push({ route, slot: `header ${name}`, cls: 'duplicate', label: `${name} twice`, shape, request: { ...base, headers: [...baseHeaders, [name, existing], [name, 'other']] } });
  }
  return cases;
}

/** Bad methods on a route: unknown, odd case, and every method the route does not have. */
function methodCases(route: string, base: RawRequest, shape: ErrorShape, own: readonly string[]): Case[] {
  const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'FOO', 'get'].filter((method) => !own.includes(method));
  return methods.map((method) => ({ route, slot: 'method', cls: 'method', label: method, shape, request: { ...base, method } }));
}

/** Preflights with odd requested methods and headers. */
function preflightCases(route: string, base: RawRequest, shape: ErrorShape): Case[] {
  const origin = pages.exempelstad;
  const variants: [string, Headers][] = [
    ['valid preflight', [['origin', origin], ['access-control-request-method', base.method], ['access-control-request-headers', `content-type,${clientHeader}`]]],
    ['method FOO', [['origin', origin], ['access-control-request-method', 'FOO']]],
    ['method with NUL', [['origin', origin], ['access-control-request-method', 'P\u0000UT']]],
    ['empty method', [['origin', origin], ['access-control-request-method', '']]],
    ['unknown origin', [['origin', 'http://evil.test'], ['access-control-request-method', base.method]]],
    ['no origin', [['access-control-request-method', base.method]]],
    ['10 KB request headers', [['origin', origin], ['access-control-request-method', base.method], ['access-control-request-headers', 'x,'.repeat(5000)]]],
  ];
  return variants.map(([label, headers]) => ({ route, slot: 'preflight', cls: 'preflight', label, shape, request: { method: 'OPTIONS', path: base.path, headers } }));
}

interface Target {
  route: string;
  method: string;
  /** Path template with `:name` segments. */
  template: string;
  pathBase: Record<string, string>;
  queryBase: [string, string][];
  /** Query parameters to mutate (the schema's, or Open311's list), plus ones to add. */
  queryParams: string[];
  headers: Headers;
  body?: { kind: 'json'; fields: Record<string, string> } | { kind: 'form'; fields: [string, string][] } | { kind: 'multipart'; fields: [string, string][] };
  shape: ErrorShape;
  readBack?: Case['readBack'];
  /**
   * A body that fails validation only at its end (a position outside Sweden): slots other than
   * the body and the Idempotency-Key are sent with it, so they reach every step before storage
   * without each storing a report (on PGlite a stored report costs ~13 ms; thousands would not fit the run).
   */
  lateInvalidBody?: Buffer;
  /**
   * Slots that get a sample of 8 values instead of the full set: where a twin of the route (the
   * same handler and parser, another format suffix or encoding) already gets them in full.
   */
  light?: readonly ('header' | 'body' | 'query' | 'path')[];
  /** Headers the route reads beyond the common ones (`headerNames`), mutated like them. */
  extraHeaders?: readonly string[];
  /**
   * Cases that change the base's report for good get a report of their own: `of` (the
   * reference in the base's path) is replaced by `next()` in the slots `slots` accepts.
   */
  fresh?: { of: string; next: () => string; slots: (slot: string) => boolean };
}

const fill = (template: string, values: Record<string, string>) => template.replace(/:([a-zA-Z]+)/g, (_, name: string) => values[name] ?? `:${name}`);
const queryOf = (pairs: [string, string][]) => pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

const boundary = 'kkBadInputBoundary7MA4YWxk';

/** The body of a target as bytes, with one field replaced (or added) by raw text. */
function bodyOf(body: NonNullable<Target['body']>, replace?: { name: string; json?: string; text?: string; raw?: boolean; twice?: boolean }): Buffer {
  if (body.kind === 'json') {
    const entries = Object.entries(body.fields).filter(([name]) => name !== replace?.name || replace.twice);
    const parts = entries.map(([name, json]) => `${JSON.stringify(name)}:${json}`);
    if (replace?.json !== undefined) parts.push(`${JSON.stringify(replace.name)}:${replace.json}`);
    return wtf8(`{${parts.join(',')}}`);
  }
  const fields: [string, string, boolean][] = body.fields.filter(([name]) => name !== replace?.name || replace.twice).map(([name, text]) => [name, text, false]);
  if (replace?.text !== undefined) fields.push([replace.name, replace.text, replace.raw ?? false]);
  if (body.kind === 'form') {
    return wtf8(fields.map(([name, text, isRaw]) => `${percentEncode(name)}=${isRaw ? text : percentEncode(text)}`).join('&'));
  }
  return Buffer.concat([
    ...fields.map(([name, text]) => Buffer.concat([wtf8(`--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, '%22')}"\r\n\r\n`), wtf8(text), Buffer.from('\r\n')])),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
}

function casesFor(target: Target, fixtures: Fixtures): Case[] {
  const cases = allCasesFor(target, fixtures);
  if (target.lateInvalidBody) {
    for (const kase of cases) {
      if (kase.slot !== 'base' && !kase.slot.startsWith('body') && kase.slot !== `header ${idempotencyHeader}` && kase.request.body !== undefined) {
        kase.request = { ...kase.request, body: target.lateInvalidBody };
      }
    }
  }
  const { fresh } = target;
  if (fresh) {
    for (const kase of cases) {
      if (fresh.slots(kase.slot) && kase.request.path.includes(fresh.of)) kase.request = { ...kase.request, path: kase.request.path.replace(fresh.of, fresh.next()) };
    }
  }
  return cases;
}

function allCasesFor(target: Target, fixtures: Fixtures): Case[] {
  const { route, shape } = target;
  const countOf = (kind: 'header' | 'body' | 'query' | 'path') => (target.light?.includes(kind) ? 8 : perSlot);
  const count = perSlot;
  const path = fill(target.template, Object.fromEntries(Object.entries(target.pathBase).map(([name, text]) => [name, percentEncode(text)])));
  const base: RawRequest = {
    method: target.method,
    path: withQuery(path, queryOf(target.queryBase)),
    headers: target.headers,
    ...(target.body ? { body: bodyOf(target.body) } : {}),
  };
  const make = (slot: string, item: { cls: string; label: string }, request: RawRequest): Case => ({
    route,
    slot,
    cls: item.cls,
    label: item.label,
    shape,
    request,
    ...(target.readBack ? { readBack: target.readBack } : {}),
  });
  const cases: Case[] = [{ route, slot: 'base', cls: 'valid', label: 'the valid request', shape, request: base, ...(target.readBack ? { readBack: target.readBack } : {}) }];

  // Path parameters: each bad value in each `:name` segment, then raw segment mischief.
  for (const name of Object.keys(target.pathBase)) {
    const others = (text: string) =>
      fill(target.template, Object.fromEntries(Object.entries(target.pathBase).map(([key, valueText]) => [key, key === name ? text : percentEncode(valueText)])));
    for (const item of pick(forUrl(badStrings), `${route} path ${name}`, countOf('path'))) cases.push(make(`path :${name}`, item, { ...base, path: withQuery(others(urlValue(item)), queryOf(target.queryBase)) }));
    for (const [label, text] of [
      ['raw NUL byte', `${target.pathBase[name]!}\u0000`],
      ['raw space', 'a b'],
      ['raw ESC', '\u001b'],
      ['raw non-ASCII', 'å😀'],
      ['raw ..', '..'],
      ['raw .', '.'],
      ['raw extra segment', `${target.pathBase[name]!}/x`],
      ['empty segment', ''],
      ['raw #', `${target.pathBase[name]!}#x`],
      ['upper case', target.pathBase[name]!.toUpperCase()],
    ] as const) {
      cases.push(make(`path :${name}`, { cls: 'raw-path', label }, { ...base, path: withQuery(others(text), queryOf(target.queryBase)) }));
    }
  }

  // The whole path: suffixes that traverse or confuse the router.
  for (const suffix of ['/..', '/.', '/', '//', '%2f..', '/%2e%2e', ';x', '/../../health', '%00', '~', '.bak']) {
    cases.push(make('path suffix', { cls: 'traversal', label: suffix }, { ...base, path: withQuery(`${path}${suffix}`, queryOf(target.queryBase)) }));
  }

  // Query parameters: each bad value in each, then structural mischief.
  for (const name of target.queryParams) {
    const rest = target.queryBase.filter(([key]) => key !== name);
    const validText = target.queryBase.find(([key]) => key === name)?.[1] ?? 'x';
    for (const item of pick(forUrl(badStrings), `${route} query ${name}`, name === 'jurisdiction_id' ? perSlot : countOf('query'))) {
      const query = [queryOf(rest), `${percentEncode(name)}=${urlValue(item)}`].filter(Boolean).join('&');
      cases.push(make(`query ${name}`, item, { ...base, path: withQuery(path, query) }));
    }
    for (const shapeCase of queryShapes(name, validText)) {
      cases.push(make(`query ${name}`, shapeCase, { ...base, path: withQuery(path, [queryOf(rest), shapeCase.query].filter(Boolean).join('&')) }));
    }
  }
  // Query names that are themselves bad.
  for (const item of pick(forUrl(badStrings).filter((candidate) => candidate.cls !== 'huge'), `${route} query name`, Math.min(count, 12))) {
    cases.push(make('query name', item, { ...base, path: withQuery(path, [queryOf(target.queryBase), `${urlValue(item)}=1`].filter(Boolean).join('&')) }));
  }
  for (const [label, query] of [
    ['bare ?', ''],
    ['&&&', '&&&'],
    ['raw NUL in query', 'a=\u0000'],
    ['raw space in query', 'a=b c'],
    ['2,000 parameters', Array.from({ length: 2000 }, (_, index) => `p${String(index)}=1`).join('&')],
  ] as const) {
    cases.push(make('query', { cls: 'query-shape', label }, { ...base, path: `${withQuery(path, queryOf(target.queryBase))}${target.queryBase.length ? '&' : '?'}${query}` }));
  }

  cases.push(...headerCases(route, base, shape, fixtures, countOf('header'), target.extraHeaders).map((item) => ({ ...item, ...(target.readBack ? { readBack: target.readBack } : {}) })));
  cases.push(...methodCases(route, base, shape, [target.method]));
  cases.push(...preflightCases(route, base, shape));

  const body = target.body;
  if (body?.kind === 'json') {
    for (const name of [...Object.keys(body.fields), 'unknown']) {
      const values: BadJson[] = [...badJsonValues, ...badJsonStrings()];
      if (name === 'data') {
        values.push(...badJsonStrings().map((item) => ({ ...item, label: `{t: ${item.label}}`, json: `{"t":${item.json}}` })));
        values.push(...badJsonStrings().filter((item) => item.cls !== 'huge').map((item) => ({ ...item, label: `{${item.label}: 1}`, json: `{${item.json}:1}` })));
      }
      for (const item of pick(values, `${route} body ${name}`, countOf('body'))) cases.push(make(`body ${name}`, item, { ...base, body: bodyOf(body, { name, json: item.json }) }));
      cases.push(make(`body ${name}`, { cls: 'duplicate', label: `${name} twice` }, { ...base, body: bodyOf(body, { name, json: body.fields[name] ?? '1', twice: true }) }));
      cases.push(make(`body ${name}`, { cls: 'missing', label: `${name} left out` }, { ...base, body: bodyOf({ kind: 'json', fields: Object.fromEntries(Object.entries(body.fields).filter(([key]) => key !== name)) }) }));
    }
    for (const item of badJsonBodies) cases.push(make('body', item, { ...base, body: wtf8(item.json) }));
    cases.push(make('body', { cls: 'encoding', label: 'invalid UTF-8 bytes' }, { ...base, body: Buffer.concat([Buffer.from('{"data":{"t":"'), Buffer.from([0xc3, 0x28, 0xed, 0xa0, 0x80, 0xff]), Buffer.from('"}}')]) }));
    cases.push(make('body', { cls: 'encoding', label: 'UTF-16LE JSON' }, { ...base, body: Buffer.from('{"data":{}}', 'utf16le') }));
  }
  if (body && body.kind !== 'json') {
    const names = [...new Set(body.fields.map(([name]) => name)), 'attribute[lamp_number][]', 'api_key', 'jurisdiction_id', 'unknown'];
    for (const name of names) {
      for (const item of pick(forUrl(badStrings), `${route} body ${name}`, countOf('body'))) {
        // 1 MB and more only where the transport allows: these bodies stay under 1 MB.
        cases.push(make(`body ${name}`, item, { ...base, body: bodyOf(body, { name, text: item.text, raw: item.raw ?? false }) }));
      }
      const valid = body.fields.find(([key]) => key === name)?.[1] ?? 'x';
      cases.push(make(`body ${name}`, { cls: 'duplicate', label: `${name} twice` }, { ...base, body: bodyOf(body, { name, text: `${valid}2`, twice: true }) }));
      cases.push(make(`body ${name}`, { cls: 'missing', label: `${name} left out` }, { ...base, body: bodyOf({ ...body, fields: body.fields.filter(([key]) => key !== name) }) }));
    }
    // Field names that are themselves bad.
    for (const item of pick(forUrl(badStrings).filter((candidate) => candidate.cls !== 'huge'), `${route} body names`, Math.min(count, 12))) {
      cases.push(make('body field name', item, { ...base, body: bodyOf(body, { name: item.raw ? item.text : item.text, text: 'x' }) }));
      cases.push(make('body attribute code', item, { ...base, body: bodyOf(body, { name: `attribute[${item.text}]`, text: 'x' }) }));
    }
    for (const name of ['attribute', 'attribute[]', 'attribute[lamp_number][][]', 'attribute[lamp_number', '__proto__[x]', 'constructor[prototype][x]']) {
      cases.push(make('body field name', { cls: 'shape', label: name }, { ...base, body: bodyOf(body, { name, text: 'x' }) }));
    }
    if (body.kind === 'form') {
      for (const [label, text] of [
        ['empty body', ''],
        ['&&&', '&&&'],
        ['=', '='],
        ['raw %', '%'],
        ['raw NUL', 'a=\u0000'],
        ['70 KB form', `description=${'x'.repeat(70 * 1024)}`],
        ['1 MB form', `description=${'x'.repeat(1024 * 1024)}`],
        ['2,000 fields', Array.from({ length: 2000 }, (_, index) => `f${String(index)}=1`).join('&')],
      ] as const) {
        cases.push(make('body', { cls: 'form', label }, { ...base, body: wtf8(text) }));
      }
    } else {
      const validFields = Object.fromEntries(body.fields);
      for (const item of badMultipartBodies(boundary, validFields)) cases.push(make('body', item, { ...base, body: item.body }));
      const noBoundary = withHeader([...(base.headers ?? [])] as Headers, 'content-type', 'multipart/form-data');
      cases.push(make('body', { cls: 'multipart', label: 'multipart without a boundary' }, { ...base, headers: noBoundary }));
    }
  }
  return cases;
}

/** The query parameters of Open311's GET requests (other routes get those they read, and an unknown `x`). */
const open311Query = ['jurisdiction_id', 'service_code', 'status', 'start_date', 'end_date', 'lat', 'long', 'radius', 'page_size', 'service_request_id', 'extensions', 'api_key'];

const validReport: [string, string][] = [
  ['service_code', 'gatubelysning'],
  ['lat', '58.4109'],
  ['long', '15.6216'],
  ['address_string', 'Storgatan 1'],
  ['address_id', 'adr-1'],
  ['description', 'Lampan vid busshållplatsen lyser inte.'],
  ['attribute[lamp_number]', '12-0345'],
  ['first_name', 'Anna'],
  ['last_name', 'Andersson'],
  ['email', 'anna@exempel.se'],
  ['phone', '070-123 45 67'],
  ['device_id', 'device-1'],
  ['account_id', 'account-1'],
];

/** Operations behind the kommun's case-worker key (`Authorization: Bearer`). */
const caseWorkerOperations = new Set(['updateReportStatus', 'issueApiKey', 'listApiKeys', 'revokeApiKey']);
/** Citizen operations on one of the session's own reports. */
const ownReportOperations = new Set(['getMyReport', 'editMyReport', 'withdrawMyReport']);

/**
 * `createMyReport`, form-encoded and multipart: Open311's form under the kommun's path, by a
 * logged-in citizen from the kommun's page. As for Open311's POST, slots other than the body and
 * the Idempotency-Key go with a body that fails only at its end, so they do not each store a report.
 */
function citizenFilingTargets(route: string, template: string, fixtures: Fixtures): Target[] {
  const headers: Headers = [['cookie', `kk_session=${fixtures.session}`], ['origin', pages.exempelstad], [clientHeader, 'sdk/test']];
  const lateInvalid = validReport.map(([name, text]): [string, string] => [name, name === 'lat' ? '18.0' : text]);
  const common = { method: 'POST', template, pathBase: { kommun: 'exempelstad' }, queryBase: [], queryParams: ['x'], shape: 'problem', readBack: 'created' } satisfies Partial<Target>;
  return [
    {
      ...common,
      route: `${route} (form)`,
      headers: [...headers, ['content-type', 'application/x-www-form-urlencoded']],
      body: { kind: 'form', fields: validReport },
      lateInvalidBody: bodyOf({ kind: 'form', fields: lateInvalid }),
      // The body is read and checked by Open311's code (whose POST gets every value): here a sample,
      // for the session's part and the answers in problem+json.
      light: ['body'],
    },
    {
      ...common,
      route: `${route} (multipart)`,
      headers: [...headers, ['content-type', `multipart/form-data; boundary=${boundary}`]],
      body: { kind: 'multipart', fields: validReport },
      lateInvalidBody: bodyOf({ kind: 'multipart', fields: lateInvalid }),
      // Multipart is parsed by Open311's code, and the form twin has the headers and query in full.
      light: ['header', 'body', 'query', 'path'],
    },
  ];
}

/** Base values of contract path and query parameters, by name. A parameter not listed here fails the test. */
function contractBases(fixtures: Fixtures): { path: Record<string, string>; query: Record<string, string> } {
  return {
    path: { kommun: 'exempelstad', service: 'felanmalan', reference: fixtures.reference, id: fixtures.apiKeyId },
    query: {
      return: `${pages.exempelstad}/e-tjanster/felanmalan`,
      state: 's'.repeat(32),
      code: 'c'.repeat(32),
      error: 'access_denied',
      error_description: 'Avbröt',
      iss: 'http://127.0.0.1/dev-idp',
      q: 'storgatan 1',
      // Near Storgatan 12 of Exempelstad's address list: a pin there has a nearest address.
      lat: '58.4107',
      long: '15.6223',
      // The embedding check's: a kommun id, and a page origin to check instead of the request's.
      kommun: 'exempelstad',
      origin: pages.exempelstad,
      // Barnomsorg's list filters.
      status: 'inskickad',
      area: 'Centrum',
      // Lokalbokning's: a week of free times, and the list's filters.
      from: fixtures.lokalbokning ? fixtures.lokalbokning.free.start.slice(0, 10) : '2026-12-07',
      to: fixtures.lokalbokning ? fixtures.lokalbokning.free.start.slice(0, 10) : '2026-12-13',
      type: 'idrottshall',
      minCapacity: '10',
      facts: 'stegfri_entre',
      freeFrom: fixtures.lokalbokning?.free.start ?? '2026-12-07T10:00:00+01:00',
      freeTo: fixtures.lokalbokning?.free.end ?? '2026-12-07T11:00:00+01:00',
      page: '1',
      pageSize: '20',
      // Numbered lists refuse a cursor (400): any value is a fine base, as the parameter is sent only when mutated.
      cursor: 'x',
    },
  };
}

interface ObjectSchema {
  properties?: Record<string, unknown>;
  required?: string[];
}
const asObject = (schema: unknown): ObjectSchema => (typeof schema === 'object' && schema !== null ? schema : {});
const propertiesOf = (schema: TSchema | undefined): string[] => Object.keys(asObject(schema).properties ?? {});

export function generateCases(fixtures: Fixtures): { cases: Case[]; missingBases: string[] } {
  const targets: Target[] = [];
  const missingBases: string[] = [];
  const bases = contractBases(fixtures);

  for (const [id, operation] of Object.entries(operations)) {
    const schema = operation.schema as { params?: TSchema; querystring?: TSchema; body?: TSchema };
    const pathNames = [...operation.url.matchAll(/:([a-zA-Z]+)/g)].map((match) => match[1]!);
    const queryNames = propertiesOf(schema.querystring);
    const lokalbokning = lokalbokningIds.has(id) ? fixtures.lokalbokning : undefined;
    if (lokalbokningIds.has(id) && !lokalbokning) continue;
    const barnomsorg = barnomsorgIds.has(id) ? fixtures.barnomsorg : undefined;
    if (barnomsorgIds.has(id) && !barnomsorg) continue;
    if (fakturorIds.has(id)) continue;
    const ownPaths = lokalbokning ? lokalbokningPath(id, lokalbokning) : barnomsorg ? barnomsorgPath(id, barnomsorg) : {};
    for (const name of pathNames) if (bases.path[name] === undefined && ownPaths[name] === undefined) missingBases.push(`${id}: path :${name}`);
    for (const name of queryNames) if (bases.query[name] === undefined) missingBases.push(`${id}: query ${name}`);
    const required = new Set(asObject(schema.querystring).required ?? []);
    const route = `${operation.method} ${operation.url}`;
    if (id === 'createMyReport') {
      // Open311's form, not JSON: its targets are made as Open311's POST's are (below).
      targets.push(...citizenFilingTargets(route, operation.url, fixtures));
      continue;
    }
    const write = operation.method !== 'GET';
    const isCaseWorker = caseWorkerOperations.has(id) || lokalbokningCaseWorkers.has(id) || barnomsorgCaseWorkers.has(id);
    const session =
      id === 'logout' ? fixtures.logoutSession : lokalbokning && lokalbokningSeasonRoutes.has(id) ? lokalbokning.foreningSession : barnomsorg && id === 'confirmApplication' ? barnomsorg.otherSession : fixtures.session;
    const key = lokalbokning && lokalbokningCaseWorkers.has(id) ? lokalbokning.caseWorkerKey : barnomsorg && barnomsorgCaseWorkers.has(id) ? barnomsorg.caseWorkerKey : fixtures.caseWorkerKey;
    const headers: Headers = isCaseWorker
      ? [['authorization', `Bearer ${key}`], ...(schema.body ? ([['content-type', 'application/json']] as Headers) : [])]
      : [
          ['cookie', `kk_session=${session}`],
          ...(write ? ([['origin', pages.exempelstad], [clientHeader, 'sdk/test']] as Headers) : []),
          ...(schema.body ? ([['content-type', 'application/json']] as Headers) : []),
        ];
    const bodyFields: Record<string, string> | undefined = !schema.body
      ? undefined
      : id === 'saveDraft'
        ? { data: '{"text":"Hål i vägen","steg":2}', step: '"plats"' }
        : id === 'updateReportStatus'
          ? { status: '"under_utredning"', note: '"Vi tittar på det."', expectedAt: '"2026-12-24T12:00:00Z"' }
          : id === 'issueApiKey'
            ? { label: '"Felanmälan-appen (Kommunfixarna AB)"' }
            : id === 'editMyReport'
              ? { description: '"Lampan vid busshållplatsen lyser inte, och stolpen lutar."' }
              : lokalbokning
                ? (lokalbokningBody(id, lokalbokning) ?? (missingBases.push(`${id}: body`), {}))
                : barnomsorg
                  ? (barnomsorgBody(id, barnomsorg) ?? (missingBases.push(`${id}: body`), {}))
                  : (missingBases.push(`${id}: body`), {});
    // The citizen's own report, not the fixture filed through Open311 (to them that one does not exist).
    // A withdrawal is for good: its cases share another own report (the first to reach the handler
    // withdraws it, the rest are a 409), and its base has one of its own, so that it answers 200.
    const own = ownReportOperations.has(id);
    const ownReference = id === 'withdrawMyReport' ? fixtures.freshOwnReference() : fixtures.ownReference;
    const pathBase = Object.fromEntries(pathNames.map((name) => [name, name === 'reference' && own ? ownReference : bases.path[name] ?? 'x']));
    if (lokalbokning) Object.assign(pathBase, lokalbokningPath(id, lokalbokning));
    if (barnomsorg) Object.assign(pathBase, barnomsorgPath(id, barnomsorg));
    targets.push({
      route,
      method: operation.method,
      template: operation.url,
      pathBase,
      queryBase: queryNames.filter((name) => required.has(name) || name === 'code').map((name) => [name, bases.query[name] ?? 'x']),
      // An unknown parameter too: it is where the 15,000-character `x` once froze the gateway.
      queryParams: [...queryNames, 'x'],
      headers,
      ...(bodyFields ? { body: { kind: 'json' as const, fields: bodyFields } } : {}),
      shape: 'problem',
      // A stored note or description is read back as Open311 XML, each case on a report of its own.
      ...(id === 'updateReportStatus' ? { readBack: 'reference' as const, fresh: { of: fixtures.reference, next: fixtures.freshReference, slots: (slot: string) => slot.startsWith('body') } } : {}),
      ...(id === 'editMyReport' ? { readBack: 'reference' as const, fresh: { of: fixtures.ownReference, next: fixtures.freshOwnReference, slots: (slot: string) => slot.startsWith('body') } } : {}),
      ...(id === 'withdrawMyReport' ? { fresh: { of: ownReference, next: fixtures.freshOwnReference, slots: (slot: string) => slot === 'base' } } : {}),
      // Each case would issue a key: the slots before the body's go with a label that the handler
      // refuses after the key check (only spaces), so that hundreds of keys do not pile up in the list.
      ...(id === 'issueApiKey' ? { lateInvalidBody: wtf8('{"label":"   "}') } : {}),
      ...(own && write ? { extraHeaders: [editTokenHeader] } : {}),
      // Lokalbokning: slots before the body go with a body refused after every check but storing
      // (a start off the hall's hourly grid; a season ending before it starts), so they store nothing;
      // the cancel route's base cancels a booking of its own.
      ...(lokalbokning && id === 'createBooking'
        ? { lateInvalidBody: bodyOf({ kind: 'json', fields: { ...lokalbokningBody(id, lokalbokning)!, start: JSON.stringify(new Date(new Date(lokalbokning.free.start).getTime() + 30 * 60_000).toISOString()) } }) }
        : {}),
      ...(lokalbokning && id === 'createSeasonRequest' ? { lateInvalidBody: bodyOf({ kind: 'json', fields: { ...lokalbokningBody(id, lokalbokning)!, toDate: '"1999-01-01"' } }) } : {}),
      ...(lokalbokning && id === 'cancelBooking' ? { fresh: { of: lokalbokning.bookingId, next: () => lokalbokning.cancelBookingId, slots: (slot: string) => slot === 'base' } } : {}),
      // Barnomsorg: the create route's other slots go with a start the child cannot have (422,
      // nothing stored); the withdrawal's base withdraws an application of its own.
      ...(barnomsorg && id === 'createApplication' ? { lateInvalidBody: bodyOf({ kind: 'json', fields: jsonFields(barnomsorg.lateInvalidApplication) }) } : {}),
      ...(barnomsorg && id === 'withdrawApplication' ? { fresh: { of: barnomsorg.ids.get, next: () => barnomsorg.ids.withdrawBase, slots: (slot: string) => slot === 'base' } } : {}),
    });
  }

  const open311Headers: Headers = [['accept', '*/*']];
  const jurisdiction: [string, string][] = [['jurisdiction_id', 'exempelstad']];
  for (const format of ['json', 'xml']) {
    const get = (template: string, pathBase: Record<string, string>, query: [string, string][] = jurisdiction, params = ['jurisdiction_id', 'extensions', 'x']): Target => ({
      route: `GET /open311/v2/${template.replace(':format', format)}`,
      method: 'GET',
      template: `/open311/v2/${template}`,
      pathBase: { ...pathBase, format },
      queryBase: query,
      queryParams: params,
      headers: open311Headers,
      shape: 'open311',
      // Headers and queries are read the same whatever the suffix; what errors echo into XML (jurisdiction_id, the path) is tried in full.
      ...(format === 'xml' ? { light: ['header', 'query'] as const } : {}),
    });
    targets.push(
      get('discovery.:format', {}, []),
      get('services.:format', {}),
      get('services/:code.:format', { code: 'vagar-och-gator' }),
      // page_size=2: the list query is the slowest on PGlite; the stored bad text is read back report by report.
      get('requests.:format', {}, [...jurisdiction, ['extensions', 'true'], ['page_size', '2']], [...open311Query, 'x']),
      get('requests/:id.:format', { id: fixtures.reference }, [...jurisdiction, ['extensions', 'true']]),
      get('tokens/:token.:format', { token: 'token-1' }),
    );
    const pageHeaders: Headers = [['origin', pages.exempelstad], [clientHeader, 'sdk/test']];
    const lateInvalid = validReport.map(([name, text]): [string, string] => [name, name === 'lat' ? '18.0' : text]);
    // The multipart twin names its kommun in the body, as GeoReport v2 lists jurisdiction_id among
    // the POST arguments: its body slot reaches the kommun lookup, its query slot the check that both agree.
    const inBody: [string, string][] = [...jurisdiction, ...validReport];
    const lateInvalidInBody: [string, string][] = [...jurisdiction, ...lateInvalid];
    targets.push(
      {
        route: `POST /open311/v2/requests.${format} (form)`,
        method: 'POST',
        template: '/open311/v2/requests.:format',
        pathBase: { format },
        queryBase: jurisdiction,
        queryParams: ['jurisdiction_id', 'api_key', 'x'],
        headers: [...pageHeaders, ['content-type', 'application/x-www-form-urlencoded']],
        body: { kind: 'form', fields: validReport },
        lateInvalidBody: bodyOf({ kind: 'form', fields: lateInvalid }),
        // The .xml twin: errors echo values into XML, so jurisdiction_id and the path in full; the rest as on .json.
        ...(format === 'xml' ? { light: ['header', 'body', 'query'] as const } : {}),
        shape: 'open311',
        readBack: 'created',
      },
      {
        route: `POST /open311/v2/requests.${format} (multipart)`,
        method: 'POST',
        template: '/open311/v2/requests.:format',
        pathBase: { format },
        queryBase: [],
        queryParams: ['jurisdiction_id', 'api_key', 'x'],
        headers: [...pageHeaders, ['content-type', `multipart/form-data; boundary=${boundary}`]],
        body: { kind: 'multipart', fields: inBody },
        lateInvalidBody: bodyOf({ kind: 'multipart', fields: lateInvalidInBody }),
        shape: 'open311',
        readBack: 'created',
        // Multipart is read by the same code as a form once parsed: in full on .json, sampled on .xml.
        // Headers and query are read before the body is: the form twin has them in full.
        light: format === 'xml' ? (['header', 'body', 'query', 'path'] as const) : (['header', 'query'] as const),
      },
    );
  }
  targets.push({
    route: 'GET /open311/v2/media/:id.jpg',
    method: 'GET',
    template: '/open311/v2/media/:id.jpg',
    pathBase: { id: fixtures.mediaId },
    queryBase: jurisdiction,
    queryParams: ['jurisdiction_id', 'x'],
    headers: open311Headers,
    shape: 'open311',
  });

  return { cases: targets.flatMap((target) => casesFor(target, fixtures)), missingBases };
}
