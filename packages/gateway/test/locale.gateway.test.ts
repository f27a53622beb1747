import type { KommunInfo, Open311RequestCreated, Open311Service, Open311ServiceDefinition, Open311ServiceRequest } from '@kommunkit/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serviceSettings } from '../src/http/guards.js';
import { pages, startGateway, type TestGateway } from './support/gateway.js';
import { form, fromKommunPage, validReport } from './support/open311.js';

/**
 * The kommun's own texts in the widget's language: Accept-Language picks English where the
 * config has it, each text falls back to Swedish on its own, and a request without the header
 * (a plain Open311 client) gets Swedish.
 */

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway({
    configure: (config) => {
      const settings = serviceSettings(config.kommunById.get('exempelstad')!, 'felanmalan')!;
      settings.map = {
        tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
        attribution: '© OpenStreetMap-bidragsgivare',
        translations: { en: { attribution: '© OpenStreetMap contributors' } },
        center: [58.4108, 15.6214],
        zoom: 14,
      };
      // One category with only part of its texts translated: the rest stays Swedish.
      settings.categories = structuredClone(settings.categories);
      const snow = settings.categories.find((category) => category.code === 'snorojning')!;
      snow.translations = { en: { name: 'Snow clearing and icy roads' } };
    },
  });
});
afterAll(() => gateway.close());
beforeEach(() => gateway.reset());

const open311 = (path: string, language?: string) =>
  fetch(`${gateway.url}/open311/v2/${path}`, { headers: language === undefined ? {} : { 'accept-language': language } });

/** The answer's `Vary` names, lower-cased. */
const varyOf = (response: Response) => (response.headers.get('vary') ?? '').split(',').map((name) => name.trim().toLowerCase());

async function services(language?: string): Promise<{ response: Response; byCode: Map<string, Open311Service> }> {
  const response = await open311('services.json?jurisdiction_id=exempelstad', language);
  expect(response.status).toBe(200);
  const list = (await response.json()) as Open311Service[];
  return { response, byCode: new Map(list.map((service) => [service.service_code, service])) };
}

describe('the categories (GET services)', () => {
  it('are in English when the widget asks for English, and say they vary by language', async () => {
    const { response, byCode } = await services('en');
    expect(byCode.get('gatubelysning')).toMatchObject({
      service_name: 'Street lighting',
      group: 'Streets and traffic',
      description: 'A broken or unlit street lamp, a lamp that is on in the daytime, a damaged lamp post.',
      keywords: 'street lamp,lamp,lighting,post,dark',
    });
    expect(byCode.get('statlig-vag')?.handoff_note).toBe(
      'National roads are run by Trafikverket, the Swedish Transport Administration. Report the fault at trafikverket.se or call 0771-921 921.',
    );
    expect(byCode.get('annat')).toMatchObject({ service_name: 'Something else', group: 'Other' });
    expect(response.headers.get('content-language')).toBe('en');
    expect(varyOf(response)).toContain('accept-language');
    expect(response.headers.get('cache-control')).toContain('public');
  });

  it('fall back to Swedish text by text', async () => {
    const { byCode } = await services('en-GB,en;q=0.9');
    expect(byCode.get('snorojning')).toMatchObject({
      service_name: 'Snow clearing and icy roads',
      description: 'Gata, gång- eller cykelväg som inte är plogad eller sandad.',
      group: 'Gator och trafik',
    });
  });

  it.each([
    ['no Accept-Language (a plain Open311 client)', undefined],
    ['Swedish', 'sv-SE'],
    ['a language the config does not have', 'fr'],
    ['English refused with q=0', 'en;q=0, fr'],
    ['an unreadable header', ';;;=,'],
  ])('are in Swedish for %s', async (_case, language) => {
    const { response, byCode } = await services(language);
    expect(byCode.get('gatubelysning')).toMatchObject({ service_name: 'Gatubelysning', group: 'Gator och trafik' });
    expect(byCode.get('statlig-vag')?.handoff_note).toContain('Statliga vägar sköts av Trafikverket');
    expect(byCode.get('annat')?.service_name).toBe('Annat');
    expect(response.headers.get('content-language')).toBe('sv');
    expect(varyOf(response)).toContain('accept-language');
  });

  it('take the best language the header allows, by weight', async () => {
    expect((await services('fr, en;q=0.5, sv;q=0.4')).byCode.get('klotter')?.service_name).toBe('Graffiti and vandalism');
    expect((await services('en;q=0.3, sv;q=0.8')).byCode.get('klotter')?.service_name).toBe('Klotter och skadegörelse');
  });

  it('in XML too', async () => {
    const xml = await (await open311('services.xml?jurisdiction_id=exempelstad', 'en')).text();
    expect(xml).toContain('<service_name>Street lighting</service_name>');
  });

  it('keep Vary: Origin from CORS beside Accept-Language', async () => {
    const response = await fetch(`${gateway.url}/open311/v2/services.json?jurisdiction_id=exempelstad`, { headers: { origin: pages.exempelstad, 'accept-language': 'en' } });
    expect(varyOf(response)).toEqual(expect.arrayContaining(['origin', 'accept-language']));
  });
});

describe('a category\'s questions (GET services/{code})', () => {
  it('are in English with their answers, the urgent answer carrying the number to phone', async () => {
    const response = await open311('services/vagar-och-gator.json?jurisdiction_id=exempelstad', 'en');
    expect(varyOf(response)).toContain('accept-language');
    const definition = (await response.json()) as Open311ServiceDefinition;
    expect(definition.attributes[0]).toMatchObject({
      code: 'hazard',
      description: 'Is it a danger to traffic right now?',
      values: [
        { key: 'ja', name: 'Yes, it is dangerous', urgent_phone: '013-20 60 00' },
        { key: 'nej', name: 'No' },
      ],
    });
    expect(definition.attributes[0]?.values?.[1]).not.toHaveProperty('urgent_phone');
    const lamp = (await (await open311('services/gatubelysning.json?jurisdiction_id=exempelstad', 'en')).json()) as Open311ServiceDefinition;
    expect(lamp.attributes[0]).toMatchObject({ description: "The post's number", datatype_description: 'The number is on a sign on the post, for example 12-0345.' });
  });

  it.each([[undefined], ['sv'], ['fr']])('are in Swedish for Accept-Language %s', async (language) => {
    const definition = (await (await open311('services/vagar-och-gator.json?jurisdiction_id=exempelstad', language)).json()) as Open311ServiceDefinition;
    expect(definition.attributes[0]).toMatchObject({
      description: 'Är det en fara för trafiken just nu?',
      values: [
        { key: 'ja', name: 'Ja, det är farligt', urgent_phone: '013-20 60 00' },
        { key: 'nej', name: 'Nej' },
      ],
    });
  });
});

describe('the kommun info (GET /api/v1/{kommun})', () => {
  const info = (language?: string) => fetch(`${gateway.url}/api/v1/exempelstad`, { headers: language === undefined ? {} : { 'accept-language': language } });

  it.each([
    ['en', '© OpenStreetMap contributors', 'en'],
    ['en-US,en;q=0.8', '© OpenStreetMap contributors', 'en'],
    [undefined, '© OpenStreetMap-bidragsgivare', 'sv'],
    ['sv', '© OpenStreetMap-bidragsgivare', 'sv'],
    ['fr', '© OpenStreetMap-bidragsgivare', 'sv'],
  ])('credits the map in the language asked for (%s)', async (language, attribution, contentLanguage) => {
    const response = await info(language);
    expect(response.status).toBe(200);
    const body = (await response.json()) as KommunInfo;
    expect(body.map?.attribution).toBe(attribution);
    expect(body.map).not.toHaveProperty('translations');
    expect(body.name).toBe('Exempelstads kommun');
    expect(response.headers.get('content-language')).toBe(contentLanguage);
    expect(varyOf(response)).toContain('accept-language');
    expect(response.headers.get('cache-control')).toContain('public');
  });
});

describe('the notice when a report is filed (POST requests)', () => {
  const file = (language?: string) =>
    fetch(`${gateway.url}/open311/v2/requests.json?jurisdiction_id=exempelstad`, {
      method: 'POST',
      headers: { ...fromKommunPage(crypto.randomUUID()), ...(language === undefined ? {} : { 'accept-language': language }) },
      body: form(validReport),
    });

  it.each([
    ['en', /^Thank you! Your report has number EXS-\d{4}-\d{6}\.$/],
    [undefined, /^Tack! Din felanmälan har nummer EXS-\d{4}-\d{6}\.$/],
    ['sv', /^Tack! Din felanmälan har nummer EXS-\d{4}-\d{6}\.$/],
    ['fr', /^Tack! Din felanmälan har nummer EXS-\d{4}-\d{6}\.$/],
  ])('is in the language asked for (%s)', async (language, notice) => {
    const response = await file(language);
    expect(response.status, await response.clone().text()).toBe(201);
    const [created] = (await response.json()) as Open311RequestCreated;
    expect(created?.service_notice).toMatch(notice);
    expect(varyOf(response)).toContain('accept-language');
  });

  it('names the category in the language asked for when the report is read back', async () => {
    const [created] = (await (await file('en')).json()) as Open311RequestCreated;
    const read = (language?: string) => open311(`requests/${created!.service_request_id!}.json?jurisdiction_id=exempelstad`, language);
    expect(((await (await read('en')).json()) as Open311ServiceRequest[])[0]?.service_name).toBe('Street lighting');
    expect(((await (await read()).json()) as Open311ServiceRequest[])[0]?.service_name).toBe('Gatubelysning');
  });
});
