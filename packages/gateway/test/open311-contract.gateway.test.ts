import { open311Operations, type Open311Operation, type Open311OperationId } from '@kommunkit/contract';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from './support/gateway.js';
import { form, fromKommunPage, multipart, photoWithGps, validReport } from './support/open311.js';

/**
 * The Open311 routes are registered from the contract's `open311Operations`, and what they
 * answer is what `openapi.json` documents for them (the JSON schema of each status, the XML's
 * content type).
 */
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());

const documented = (id: Open311OperationId, status: number, type: string): TSchema => {
  const responses = (open311Operations[id] as Open311Operation).documentation.response as Record<number, { content: Record<string, { schema: TSchema }> }>;
  const schema = responses[status]?.content[type]?.schema;
  if (!schema) throw new Error(`${id} documents no ${String(status)} ${type}`);
  return schema;
};

async function expectDocumented(id: Open311OperationId, response: Response, status: number): Promise<unknown> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json\b/);
  const body: unknown = await response.json();
  const schema = documented(id, status, 'application/json');
  expect([...Value.Errors(schema, body)].map((error) => `${error.instancePath} ${error.message}`)).toEqual([]);
  return body;
}

const url = (path: string) => `${gateway.url}/open311/v2/${path}`;

describe('Open311 routes from the contract', () => {
  it('registers every operation of open311Operations', () => {
    for (const operation of Object.values(open311Operations)) expect(gateway.app.hasRoute({ method: operation.method, url: operation.url }), operation.url).toBe(true);
  });

  it('answers as documented, in JSON and XML', async () => {
    await expectDocumented('discovery', await fetch(url('discovery.json')), 200);
    await expectDocumented('services', await fetch(url('services.json?jurisdiction_id=exempelstad')), 200);
    await expectDocumented('serviceDefinition', await fetch(url('services/gatubelysning.json?jurisdiction_id=exempelstad')), 200);
    await expectDocumented('services', await fetch(url('services.json')), 400);
    await expectDocumented('services', await fetch(url('services.json?jurisdiction_id=ingenstans')), 404);
    await expectDocumented('token', await fetch(url('tokens/t-1.json?jurisdiction_id=exempelstad')), 404);

    const photo = await photoWithGps(400, 300);
    const created = await fetch(url('requests.json?jurisdiction_id=exempelstad'), {
      method: 'POST',
      headers: fromKommunPage(),
      body: multipart(validReport, [{ name: 'lampa.jpg', type: 'image/jpeg', bytes: photo }]),
    });
    const [{ service_request_id: reference }] = (await expectDocumented('createRequest', created, 201)) as [{ service_request_id: string }];
    await expectDocumented('createRequest', await fetch(url('requests.json?jurisdiction_id=exempelstad'), { method: 'POST', headers: fromKommunPage(), body: form({}) }), 400);

    const list = await expectDocumented('requests', await fetch(url('requests.json?jurisdiction_id=exempelstad&extensions=true&api_key=ignored')), 200);
    const [one] = (await expectDocumented('request', await fetch(url(`requests/${reference}.json?jurisdiction_id=exempelstad&extensions=true`)), 200)) as [
      { extended_attributes: { media_urls: string[] } },
    ];
    expect(list).toEqual([one]);

    const media = await fetch(one.extended_attributes.media_urls[0]!);
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/jpeg');

    for (const path of ['discovery.xml', 'services.xml?jurisdiction_id=exempelstad', `requests/${reference}.xml?jurisdiction_id=exempelstad`, 'services.xml']) {
      const response = await fetch(url(path));
      expect(response.headers.get('content-type'), path).toMatch(/^text\/xml\b/);
      expect(await response.text()).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><[a-z_]+>/);
    }
  });
});
