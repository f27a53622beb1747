import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { Open311Service, Open311ServiceDefinition } from '@kommunkit/sdk/felanmalan';
import type { KkFelanmalan } from '../src/index.js';
import '../src/define.js';
import { api, kommunInfo, open311 } from './support.js';

/**
 * The kommun's own texts in the widget's language: the widget asks the gateway in its locale
 * (Accept-Language) and shows what comes back; counts take the locale's plural rules.
 */

/** A 1×1 tile, so the map draws without any outside connection. */
const tile = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

type Texts = { sv: string; en: string };
const t = (sv: string, en: string): Texts => ({ sv, en });

const categories: { code: string; name: Texts; group: Texts; description: Texts; keywords: Texts; metadata: boolean }[] = [
  { code: 'gatubelysning', name: t('Gatubelysning', 'Street lighting'), group: t('Gator och trafik', 'Streets and traffic'), description: t('Trasig gatlampa.', 'A broken street lamp.'), keywords: t('lampa,gatlampa', 'lamp,street lamp'), metadata: false },
  { code: 'vagar-och-gator', name: t('Vägar och gator', 'Roads and streets'), group: t('Gator och trafik', 'Streets and traffic'), description: t('Potthål.', 'Potholes.'), keywords: t('hål,asfalt', 'pothole,asphalt'), metadata: true },
  { code: 'snorojning', name: t('Snöröjning', 'Snow clearing'), group: t('Gator och trafik', 'Streets and traffic'), description: t('Oplogad gata.', 'An unploughed street.'), keywords: t('snö', 'snow'), metadata: false },
  { code: 'annat', name: t('Annat', 'Something else'), group: t('Övrigt', 'Other'), description: t('Något annat.', 'Anything else.'), keywords: t('annat', 'other'), metadata: false },
];

const hazard = (locale: 'sv' | 'en'): Open311ServiceDefinition => ({
  service_code: 'vagar-och-gator',
  attributes: [
    {
      variable: true,
      code: 'hazard',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: '',
      order: 1,
      description: locale === 'en' ? 'Is it a danger to traffic right now?' : 'Är det en fara för trafiken just nu?',
      values: [
        { key: 'ja', name: locale === 'en' ? 'Yes, it is dangerous' : 'Ja, det är farligt', urgent_phone: '013-20 60 00' } as { key: string; name: string },
        { key: 'nej', name: locale === 'en' ? 'No' : 'Nej' },
      ],
    },
  ],
});

/** The Accept-Language of every request the gateway got, by path. */
const asked: { path: string; language: string | null }[] = [];

/** A gateway that answers the kommun's texts as the real one does: English for `en`, else Swedish. */
const localeOf = (request: Request): 'sv' | 'en' => {
  const language = request.headers.get('accept-language');
  asked.push({ path: new URL(request.url).pathname, language });
  return language?.toLowerCase().startsWith('en') ? 'en' : 'sv';
};
const bilingual = [
  http.get(`${api}/api/v1/:kommun`, ({ params, request }) => {
    const locale = localeOf(request);
    return HttpResponse.json(
      kommunInfo(String(params.kommun), { tileUrl: tile, attribution: locale === 'en' ? '© OpenStreetMap contributors' : '© OpenStreetMap-bidragsgivare', center: [58.41, 15.62], zoom: 14 }),
      { headers: { vary: 'Accept-Language' } },
    );
  }),
  http.get(`${api}/api/v1/:kommun/auth/me`, () =>
    HttpResponse.json({ type: 'urn:kommunkit:problem:unauthenticated', title: 'Inte inloggad', status: 401 }, { status: 401, headers: { 'content-type': 'application/problem+json' } }),
  ),
  http.get(`${open311}/services.json`, ({ request }) => {
    const locale = localeOf(request);
    const list: Open311Service[] = categories.map((category) => ({
      service_code: category.code,
      service_name: category.name[locale],
      description: category.description[locale],
      metadata: category.metadata,
      type: 'batch',
      keywords: category.keywords[locale],
      group: category.group[locale],
    }));
    return HttpResponse.json(list, { headers: { vary: 'Accept-Language' } });
  }),
  http.get(`${open311}/services/vagar-och-gator.json`, ({ request }) => HttpResponse.json(hazard(localeOf(request)))),
  http.get(`${open311}/requests.json`, () => HttpResponse.json([])),
];

const worker = setupWorker(...bilingual);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());

const root = (el: KkFelanmalan) => el.shadowRoot!;
const text = (element: Element | ShadowRoot | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const labels = (el: KkFelanmalan) => [...root(el).querySelectorAll('.kk-choice__label')].map(text);
const legends = (el: KkFelanmalan) => [...root(el).querySelectorAll('legend')].map(text);

async function render(lang: string, kommun: string): Promise<KkFelanmalan> {
  const el = await fixture<KkFelanmalan>(html`<kk-felanmalan api=${api} kommun=${kommun} lang=${lang}></kk-felanmalan>`);
  await waitUntil(() => root(el).querySelector('input[name=serviceCode]'), 'the categories did not load', { timeout: 5000 });
  return el;
}

async function search(el: KkFelanmalan, words: string): Promise<string> {
  const box = root(el).querySelector<HTMLInputElement>('input[name=search]')!;
  box.value = words;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  return text(root(el).querySelector('.kk-hint[role=status]'));
}

/** From the category page to the details page of "vagar-och-gator", with a typed address. */
async function toDetails(el: KkFelanmalan): Promise<void> {
  root(el).querySelector<HTMLInputElement>('input[value=vagar-och-gator]')!.click();
  await el.updateComplete;
  root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await waitUntil(() => root(el).querySelector('#kk-fel-address'), 'the place page did not show', { timeout: 5000 });
  const address = root(el).querySelector<HTMLInputElement>('#kk-fel-address')!;
  address.value = 'Storgatan 1';
  address.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await waitUntil(() => root(el).querySelector('input[name=attr_hazard]'), 'the question did not show', { timeout: 5000 });
}

describe('the kommun\'s own texts under lang="en"', () => {
  beforeEach(() => {
    sessionStorage.clear();
    asked.length = 0;
  });

  it('shows the English category names and groups, and asks the gateway in English', async () => {
    const el = await render('en', 'engelstad');
    expect(labels(el)).to.include.members(['Street lighting', 'Roads and streets', 'Something else']);
    expect(legends(el)).to.include.members(['Streets and traffic', 'Other']);
    expect(text(root(el))).to.not.contain('Gatubelysning');
    expect(asked.find((request) => request.path.endsWith('/services.json'))?.language).to.equal('en');
    expect(asked.find((request) => request.path === '/api/v1/engelstad')?.language).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('counts search matches with English plural rules', async () => {
    const el = await render('en', 'engelstad');
    expect(await search(el, 'lamp')).to.equal('1 category matches the search');
    expect(await search(el, 'street')).to.equal('3 categories match the search');
    await expect(el).to.be.accessible();
  });

  it("shows the category's question and answers in English, the map credit too, and warns at once on the dangerous answer", async () => {
    const el = await render('en', 'engelstad2');
    root(el).querySelector<HTMLInputElement>('input[value=vagar-och-gator]')!.click();
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => text(root(el).querySelector('.kk-map-attribution')).includes('OpenStreetMap'), 'the map credit did not show', { timeout: 5000 });
    expect(text(root(el).querySelector('.kk-map-attribution'))).to.contain('© OpenStreetMap contributors');
    sessionStorage.clear();

    const again = await render('en', 'engelstad3');
    await toDetails(again);
    expect(text(root(again).querySelector('fieldset legend'))).to.contain('Is it a danger to traffic right now?');
    expect(labels(again)).to.deep.equal(['Yes, it is dangerous', 'No']);
    expect(root(again).querySelector('.kk-alert')).to.equal(null);
    root(again).querySelector<HTMLInputElement>('input[name=attr_hazard][value=ja]')!.click();
    await again.updateComplete;
    const warning = root(again).querySelector('.kk-alert--warning')!;
    expect(text(warning)).to.contain('Phone the municipality now').and.contain('013-20 60 00').and.contain('112');
    expect(warning.querySelector('a')!.getAttribute('href')).to.equal('tel:013206000');
    const definitions = asked.filter((request) => request.path.endsWith('/vagar-och-gator.json'));
    expect(definitions.length).to.be.greaterThan(0);
    expect(definitions.every((request) => request.language === 'en')).to.equal(true);
    await expect(again).to.be.accessible();
  });
});

describe('the same widget in Swedish', () => {
  beforeEach(() => {
    sessionStorage.clear();
    asked.length = 0;
  });

  it('asks in Swedish (never the browser\'s own language) and shows the Swedish texts, singular and plural', async () => {
    const el = await render('sv', 'svenstad');
    expect(labels(el)).to.include.members(['Gatubelysning', 'Vägar och gator', 'Annat']);
    expect(asked.find((request) => request.path.endsWith('/services.json'))?.language).to.equal('sv');
    expect(await search(el, 'lampa')).to.equal('1 kategori matchar sökningen');
    expect(await search(el, 'gator')).to.equal('3 kategorier matchar sökningen');
    await expect(el).to.be.accessible();
  });

  it('warns in Swedish on "Ja, det är farligt", and the warning goes when the answer changes', async () => {
    const el = await render('sv', 'svenstad2');
    await toDetails(el);
    root(el).querySelector<HTMLInputElement>('input[name=attr_hazard][value=ja]')!.click();
    await el.updateComplete;
    const warning = root(el).querySelector('.kk-alert--warning')!;
    expect(warning.getAttribute('role')).to.equal('alert');
    expect(text(warning)).to.contain('Ring kommunen nu').and.contain('Ring 013-20 60 00');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLInputElement>('input[name=attr_hazard][value=nej]')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('.kk-alert--warning')).to.equal(null);
  });
});
