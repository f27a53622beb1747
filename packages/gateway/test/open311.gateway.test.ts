import type { Open311Errors, Open311RequestCreated, Open311Service, Open311ServiceDefinition, Open311ServiceRequest } from '@kommunkit/contract';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pages, startGateway, type TestGateway } from './support/gateway.js';
import { form, fromKommunPage, multipart, photoWithGps, validReport } from './support/open311.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

const base = () => `${gateway.url}/open311/v2`;
const get = (path: string) => fetch(`${base()}/${path}`);
const post = (body: URLSearchParams | FormData, headers = fromKommunPage(), jurisdiction = 'exempelstad') =>
  fetch(`${base()}/requests.json?jurisdiction_id=${jurisdiction}`, { method: 'POST', headers, body });

async function errorsOf(response: Response, status: number): Promise<Open311Errors> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as Open311Errors;
  expect(Array.isArray(body)).toBe(true);
  for (const error of body) {
    expect(error.code).toBe(status);
    expect(error.description.length).toBeGreaterThan(5);
  }
  return body;
}

async function createReport(fields: Record<string, string> = validReport, key?: string): Promise<string> {
  const response = await post(form(fields), fromKommunPage(key));
  expect(response.status).toBe(201);
  const [created] = (await response.json()) as Open311RequestCreated;
  return created!.service_request_id!;
}

describe('discovery', () => {
  it('lists the v2 endpoint with both formats, in JSON and XML', async () => {
    const json = (await (await get('discovery.json')).json()) as { endpoints: { specification: string; url: string; formats: string[] }[] };
    expect(json.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: base() });
    expect(json.endpoints[0]!.formats).toEqual(['application/json', 'text/xml']);
    const xml = await (await get('discovery.xml')).text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><discovery>.*<endpoints><endpoint><specification>http:\/\/wiki\.open311\.org\/GeoReport_v2<\/specification>/);
    expect(xml).toContain('<formats><format>application/json</format><format>text/xml</format></formats>');
  });
});

describe('services', () => {
  it('lists the kommun\'s categories with every field of the spec', async () => {
    const response = await get('services.json?jurisdiction_id=exempelstad');
    expect(response.headers.get('content-type')).toContain('application/json');
    const services = (await response.json()) as Open311Service[];
    expect(services.map((service) => service.service_code)).toEqual([
      'gatubelysning',
      'vagar-och-gator',
      'statlig-vag',
      'snorojning',
      'klotter',
      'park-och-gronytor',
      'vatten-och-avlopp',
      'annat',
    ]);
    expect(services[0]).toEqual({
      service_code: 'gatubelysning',
      service_name: 'Gatubelysning',
      description: expect.any(String) as string,
      metadata: true,
      type: 'batch',
      keywords: 'gatlampa,lampa,belysning,stolpe,mörkt',
      group: 'Gator och trafik',
    });
    expect(services.find((service) => service.service_code === 'statlig-vag')?.handoff_note).toContain('Trafikverket');
  });

  it('answers in XML with the spec\'s element names', async () => {
    const response = await get('services.xml?jurisdiction_id=exempelstad');
    expect(response.headers.get('content-type')).toContain('text/xml');
    const xml = await response.text();
    expect(xml).toContain('<services><service><service_code>gatubelysning</service_code><service_name>Gatubelysning</service_name>');
    expect(xml.match(/<service>/g)).toHaveLength(8);
  });

  it('describes a category\'s attributes', async () => {
    const definition = (await (await get('services/vagar-och-gator.json?jurisdiction_id=exempelstad')).json()) as Open311ServiceDefinition;
    expect(definition.service_code).toBe('vagar-och-gator');
    expect(definition.attributes[0]).toMatchObject({
      variable: true,
      code: 'hazard',
      datatype: 'singlevaluelist',
      required: true,
      order: 1,
      values: [
        { key: 'ja', name: 'Ja, det är farligt' },
        { key: 'nej', name: 'Nej' },
      ],
    });
    const xml = await (await get('services/vagar-och-gator.xml?jurisdiction_id=exempelstad')).text();
    expect(xml).toContain('<service_definition><service_code>vagar-och-gator</service_code><attributes><attribute><variable>true</variable>');
    expect(xml).toContain('<values><value><key>ja</key><name>Ja, det är farligt</name><urgent_phone>013-20 60 00</urgent_phone></value>');
  });

  it.each([
    ['services.json', 400, 'jurisdiction_id'],
    ['services.json?jurisdiction_id=okandby', 404, 'jurisdiction_id'],
    ['services/bygglov.json?jurisdiction_id=exempelstad', 404, 'service_code'],
    ['services.csv?jurisdiction_id=exempelstad', 400, undefined],
    ['nothing.json', 404, undefined],
  ])('answers %s with %i and the spec\'s error list', async (path, status, field) => {
    const errors = await errorsOf(await get(path), status);
    if (field) expect(errors[0]?.field).toBe(field);
  });

  it('answers errors in XML for .xml paths', async () => {
    const response = await get('services/bygglov.xml?jurisdiction_id=exempelstad');
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/<errors><error><code>404<\/code><description>Kategorin "bygglov" finns inte\.<\/description>/);
  });
});

describe('POST requests', () => {
  it('files an anonymous report, form-encoded as the spec says, and answers with a string id', async () => {
    const { email: _, first_name: __, ...anonymous } = validReport;
    const response = await post(form(anonymous));
    expect(response.status).toBe(201);
    const created = (await response.json()) as Open311RequestCreated;
    expect(created).toHaveLength(1);
    expect(created[0]!.service_request_id).toMatch(new RegExp(`^EXS-${String(new Date().getFullYear())}-000001$`));
    expect(created[0]!.service_notice).toContain(created[0]!.service_request_id);
    const stored = await gateway.db.selectFrom('report').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ service_code: 'gatubelysning', status: 'mottagen', attributes: { lamp_number: '12-0345' }, email: null });
  });

  it('numbers reports per kommun', async () => {
    await createReport();
    const second = await createReport();
    expect(second).toMatch(/-000002$/);
    const other = await post(form(validReport), { ...fromKommunPage(), origin: pages.grannby }, 'grannby');
    expect(((await other.json()) as Open311RequestCreated)[0]!.service_request_id).toMatch(/^GRB-\d{4}-000001$/);
  });

  it('accepts a place described in words instead of a position', async () => {
    const { lat: _, long: __, ...fields } = validReport;
    const id = await createReport({ ...fields, address_string: 'Vid lekplatsen bakom Storgatan 12' });
    const [report] = (await (await get(`requests/${id}.json?jurisdiction_id=exempelstad`)).json()) as Open311ServiceRequest[];
    expect(report!.address).toBe('Vid lekplatsen bakom Storgatan 12');
    expect(report!.lat).toBeUndefined();
  });

  it('reports every bad field at once, naming each', async () => {
    const errors = await errorsOf(
      await post(form({ service_code: 'vagar-och-gator', email: 'anna@', 'attribute[hazard]': 'kanske', 'attribute[colour]': 'röd' })),
      400,
    );
    expect(errors.map((error) => error.field).sort()).toEqual(['address_string', 'attribute[colour]', 'attribute[hazard]', 'description', 'email'].sort());
    expect(errors.find((error) => error.field === 'description')?.description).toBe('Beskriv felet.');
  });

  it.each([
    [{ lat: '52.52', long: '13.40' }, 'lat'],
    [{ lat: 'norr', long: '15.6' }, 'lat'],
    [{ description: 'x'.repeat(4001) }, 'description'],
    [{ phone: 'ring mig' }, 'phone'],
    [{ service_code: 'statlig-vag' }, 'service_code'],
    [{ service_code: 'bygglov' }, 'service_code'],
  ])('refuses %o', async (patch, field) => {
    const errors = await errorsOf(await post(form({ ...validReport, ...patch })), 400);
    expect(errors.map((error) => error.field)).toContain(field);
  });

  it('requires a required attribute', async () => {
    const { 'attribute[lamp_number]': _, ...fields } = validReport;
    const errors = await errorsOf(await post(form({ ...fields, service_code: 'vagar-och-gator' })), 400);
    expect(errors).toEqual([{ code: 400, field: 'attribute[hazard]', description: 'Svara på frågan: Är det en fara för trafiken just nu?' }]);
  });

  it('refuses a report that does not come from the kommun\'s pages (403)', async () => {
    await errorsOf(await post(form(validReport), { origin: 'http://evil.test', 'x-kommunkit-client': 'sdk/test' }), 403);
    await errorsOf(await post(form(validReport), { origin: pages.exempelstad }), 403);
    await errorsOf(await post(form({ ...validReport, api_key: 'guessed' }), {}), 403);
  });

  it('refuses JSON (415): the spec\'s body is a form', async () => {
    const response = await fetch(`${base()}/requests.json?jurisdiction_id=exempelstad`, {
      method: 'POST',
      headers: { ...fromKommunPage(), 'content-type': 'application/json' },
      body: JSON.stringify(validReport),
    });
    await errorsOf(response, 415);
  });

  it('returns the first report when a request is retried with the same Idempotency-Key', async () => {
    const first = await createReport(validReport, 'key-1');
    const again = await createReport(validReport, 'key-1');
    expect(again).toBe(first);
    const other = await createReport(validReport, 'key-2');
    expect(other).not.toBe(first);
    const { count } = await gateway.db.selectFrom('report').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    expect(Number(count)).toBe(2);
  });
});

describe('photos', () => {
  it('stores photos without EXIF or GPS, downscaled, at stable URLs', async () => {
    const photo = await photoWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const response = await post(multipart(validReport, [{ name: 'lampa.jpg', type: 'image/jpeg', bytes: photo }]));
    expect(response.status).toBe(201);
    const id = ((await response.json()) as Open311RequestCreated)[0]!.service_request_id!;
    const [report] = (await (await get(`requests/${id}.json?jurisdiction_id=exempelstad&extensions=true`)).json()) as Open311ServiceRequest[];
    expect(report!.extended_attributes!.media_urls).toHaveLength(1);
    expect(report!.media_url).toBe(report!.extended_attributes!.media_urls[0]);

    const stored = await fetch(report!.media_url!);
    expect(stored.headers.get('content-type')).toBe('image/jpeg');
    expect(stored.headers.get('cache-control')).toContain('immutable');
    const bytes = Buffer.from(await stored.arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(Math.max(metadata.width, metadata.height)).toBe(1600);
    expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
    expect(bytes.includes(Buffer.from('Anna Andersson'))).toBe(false);
  });

  it('refuses a file that is not an image even when it is named .jpg', async () => {
    const fake = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
    const errors = await errorsOf(await post(multipart(validReport, [{ name: 'lampa.jpg', type: 'image/jpeg', bytes: fake }])), 400);
    expect(errors).toEqual([{ code: 400, field: 'media', description: 'Filen är inte en bild.' }]);
    const { count } = await gateway.db.selectFrom('report').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    expect(Number(count)).toBe(0);
  });

  it('refuses more than three photos (413) and stores nothing', async () => {
    const photo = await photoWithGps(200, 150);
    const four = Array.from({ length: 4 }, (_, index) => ({ name: `${String(index)}.jpg`, type: 'image/jpeg', bytes: photo }));
    await errorsOf(await post(multipart(validReport, four)), 413);
    const { count } = await gateway.db.selectFrom('report').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    expect(Number(count)).toBe(0);
  });
});

describe('GET requests', () => {
  it('shows one report with string id, open/closed status and ISO-8601 times with zone, and no contact details', async () => {
    const id = await createReport();
    const response = await get(`requests/${id}.json?jurisdiction_id=exempelstad`);
    const body = (await response.json()) as Open311ServiceRequest[];
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: 'gatubelysning', service_name: 'Gatubelysning', agency_responsible: 'Exempelstads kommun', lat: 58.4109, long: 15.6216 });
    expect(body[0]!.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    expect(body[0]!.extended_attributes).toBeUndefined();
    const text = JSON.stringify(body);
    expect(text).not.toContain('anna.andersson@exempel.se');
    expect(text).not.toContain('Anna');
  });

  it('answers 404 for an unknown id, and for another kommun\'s report', async () => {
    const id = await createReport();
    await errorsOf(await get('requests/EXS-2026-999999.json?jurisdiction_id=exempelstad'), 404);
    await errorsOf(await get(`requests/${id}.json?jurisdiction_id=grannby`), 404);
  });

  it('filters by id list, category, status and dates, and refuses a range over 90 days', async () => {
    const lamp = await createReport();
    const graffiti = await createReport({ service_code: 'klotter', address_string: 'Tunneln vid stationen', description: 'Klotter på väggen' });
    const list = async (query: string) =>
      ((await (await get(`requests.json?jurisdiction_id=exempelstad&${query}`)).json()) as Open311ServiceRequest[]).map((report) => report.service_request_id);
    expect(await list(`service_request_id=${graffiti},${lamp}`)).toEqual(expect.arrayContaining([lamp, graffiti]));
    expect(await list('service_code=klotter')).toEqual([graffiti]);
    expect(await list('status=closed')).toEqual([]);
    expect(await list('status=open')).toHaveLength(2);
    const from = new Date(Date.now() - 3_600_000).toISOString();
    expect(await list(`start_date=${encodeURIComponent(from)}`)).toHaveLength(2);
    expect(await list(`end_date=${encodeURIComponent(from)}`)).toEqual([]);
    await errorsOf(await get('requests.json?jurisdiction_id=exempelstad&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z'), 400);
    await errorsOf(await get('requests.json?jurisdiction_id=exempelstad&status=fixed'), 400);
  });

  it('finds reports near a position (lat, long, radius in metres)', async () => {
    const near = await createReport();
    await createReport({ ...validReport, lat: '58.4300', long: '15.6216' });
    const found = (await (await get('requests.json?jurisdiction_id=exempelstad&lat=58.4110&long=15.6215&radius=100&service_code=gatubelysning')).json()) as Open311ServiceRequest[];
    expect(found.map((report) => report.service_request_id)).toEqual([near]);
  });

  it('lists each report with its own photos and status history (extensions), times in ISO 8601', async () => {
    const response = await post(multipart(validReport, [{ name: 'lampa.jpg', type: 'image/jpeg', bytes: await photoWithGps() }]));
    const withPhoto = ((await response.json()) as Open311RequestCreated)[0]!.service_request_id!;
    const withHistory = await createReport({ service_code: 'klotter', address_string: 'Tunneln vid stationen', description: 'Klotter på väggen' });
    await gateway.db.updateTable('report').set({ status: 'atgardad' }).where('reference', '=', withHistory).execute();
    const event = await gateway.db.selectFrom('report').select('id').where('reference', '=', withHistory).executeTakeFirstOrThrow();
    await gateway.db.insertInto('report_event').values({ report_id: event.id, status: 'atgardad', note: 'Sanerat.' }).execute();

    const listed = (await (await get('requests.json?jurisdiction_id=exempelstad&extensions=true')).json()) as Open311ServiceRequest[];
    const byId = new Map(listed.map((report) => [report.service_request_id, report]));
    expect(byId.get(withPhoto)!.extended_attributes!.media_urls).toHaveLength(1);
    expect(byId.get(withPhoto)!.extended_attributes!.status_history.map((change) => change.status)).toEqual(['mottagen']);
    expect(byId.get(withHistory)!.extended_attributes!.media_urls).toEqual([]);
    const history = byId.get(withHistory)!.extended_attributes!.status_history;
    expect(history.map(({ status, note }) => ({ status, note }))).toEqual([{ status: 'mottagen', note: undefined }, { status: 'atgardad', note: 'Sanerat.' }]);
    for (const change of history) expect(change.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(history[0]!.at)).toBeLessThanOrEqual(Date.parse(history[1]!.at));
  });

  it('answers in XML with the spec\'s element names', async () => {
    const id = await createReport();
    const xml = await (await get(`requests.xml?jurisdiction_id=exempelstad&service_request_id=${id}`)).text();
    expect(xml).toContain(`<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`);
  });

  it('has no tokens: reports get their id at once', async () => {
    await errorsOf(await get('tokens/abc123.json?jurisdiction_id=exempelstad'), 404);
  });
});

describe('case workers', () => {
  const changeStatus = (id: string, body: object, key = 'caseworker-key-exempelstad-0123456789') =>
    fetch(`${gateway.url}/api/v1/exempelstad/felanmalan/reports/${id}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('change the status with the kommun\'s key, and the change becomes public history', async () => {
    const id = await createReport();
    const planned = await changeStatus(id, { status: 'atgard_planerad', note: 'Elektriker är beställd.', expectedAt: '2026-12-01T12:00:00+01:00' });
    expect(planned.status).toBe(200);
    expect(((await planned.json()) as Open311ServiceRequest).extended_attributes?.detailed_status).toBe('atgard_planerad');
    expect((await changeStatus(id, { status: 'atgardad', note: 'Lampan är bytt.' })).status).toBe(200);

    const [report] = (await (await get(`requests/${id}.json?jurisdiction_id=exempelstad&extensions=true`)).json()) as Open311ServiceRequest[];
    expect(report!.status).toBe('closed');
    expect(report!.status_notes).toBe('Lampan är bytt.');
    expect(report!.expected_datetime).toBe('2026-12-01T11:00:00.000Z');
    expect(report!.extended_attributes!.status_history.map(({ status, note }) => ({ status, note }))).toEqual([
      { status: 'mottagen', note: undefined },
      { status: 'atgard_planerad', note: 'Elektriker är beställd.' },
      { status: 'atgardad', note: 'Lampan är bytt.' },
    ]);
  });

  it('are refused without the right key, and cannot touch another kommun\'s reports', async () => {
    const id = await createReport();
    expect((await changeStatus(id, { status: 'atgardad' }, 'wrong-key')).status).toBe(401);
    const other = await fetch(`${gateway.url}/api/v1/grannby/felanmalan/reports/${id}/status`, {
      method: 'POST',
      headers: { authorization: 'Bearer caseworker-key-grannby-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'atgardad' }),
    });
    expect(other.status).toBe(404);
    expect((await changeStatus(id, { status: 'lagad' })).status).toBe(400);
  });
});
