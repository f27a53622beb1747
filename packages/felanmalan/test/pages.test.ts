import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { createRef } from 'lit/directives/ref.js';
import '../../ui/test/host.js';
import type { KkTestHost } from '../../ui/test/host.js';
import { checkPage } from '../src/pages/check.js';
import { contactPage } from '../src/pages/contact.js';
import { detailsPage } from '../src/pages/details.js';
import { followPage } from '../src/pages/follow.js';
import { renderPage } from '../src/pages/index.js';
import { nearbyPage } from '../src/pages/nearby.js';
import type { CategoryView, CheckView, DetailsView, Field, FollowView, NearbyView, PageView, PlaceView } from '../src/pages/types.js';

/** Page templates on their own: fixture views in, what the citizen sees and can do out. */
const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';

async function show(view: PageView | FollowView | NearbyView): Promise<ShadowRoot> {
  const template = (): TemplateResult => {
    switch (view.page) {
      case 'follow':
        return followPage(view);
      case 'nearby':
        return nearbyPage(view);
      case 'details':
        return detailsPage(view);
      case 'contact':
        return contactPage(view);
      case 'check':
        return checkPage(view);
      default:
        return renderPage(view);
    }
  };
  const host = await fixture<KkTestHost>(html`<kk-test-host .template=${template}></kk-test-host>`);
  await expect(host).to.be.accessible();
  return host.shadowRoot!;
}

const calls: string[] = [];
const field = (name: string, value = '', error?: string): Field => ({
  name,
  id: `kk-fel-${name}`,
  value,
  error,
  onBlur: () => calls.push(`blur ${name}`),
  onInput: (next) => calls.push(`input ${name}=${next}`),
  onChange: (next) => calls.push(`change ${name}=${next}`),
});
const frame = { headingLevel: 2 as const, back: () => calls.push('back'), counter: { index: 1, total: 5 }, errors: [] };

describe('felanmälan pages', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('category: groups of radios, the search count, a handoff note instead of "Fortsätt"', async () => {
    const view: CategoryView = {
      ...frame,
      back: undefined,
      counter: { index: 0, total: 5 },
      page: 'category',
      categories: {
        state: 'ready',
        value: {
          none: false,
          groups: [
            { id: 'kk-fel-category-0', label: 'Gata och trafik', choices: [{ value: 'lampa', label: 'Gatubelysning' }] },
            { id: 'kk-fel-category-1', label: 'Park', choices: [{ value: 'klotter', label: 'Klotter' }] },
          ],
        },
      },
      search: { id: 'kk-fel-search', value: 'lampa', onInput: () => calls.push('search'), matches: 1 },
      category: field('serviceCode', 'lampa', 'Välj vad felet gäller'),
      handoffNote: undefined,
      onSubmit: () => calls.push('submit'),
      onFollow: () => calls.push('follow'),
    };
    let root = await show({ ...view, errors: [{ id: 'kk-fel-category-0', message: 'Välj vad felet gäller' }] });
    expect([...root.querySelectorAll('legend')].map(text)).to.deep.equal(['Gata och trafik', 'Park']);
    expect(text(root.querySelector('.kk-step-counter'))).to.equal('Steg 1 av 5');
    expect(text(root.querySelector('[role=status]'))).to.equal('1 kategori matchar sökningen');
    expect(root.querySelectorAll('.kk-error-message')).to.have.length(1);
    expect(root.querySelector('.kk-back-link')).to.equal(null);
    root.querySelector<HTMLInputElement>('input[value=klotter]')!.click();
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    expect(calls).to.include.members(['change serviceCode=klotter', 'submit']);

    root = await show({ ...view, handoffNote: 'Ring Trafikverket.' });
    expect(text(root.querySelector('.kk-alert'))).to.contain('Ring Trafikverket.');
    expect(root.querySelector('button[type=submit]')).to.equal(null);
  });

  it('category: loading, failed with a retry, and nothing to report', async () => {
    const base = { ...frame, page: 'category' as const, search: { id: 's', value: '', onInput: () => {}, matches: undefined }, category: field('serviceCode'), handoffNote: undefined, onSubmit: () => {}, onFollow: () => {} };
    let root = await show({ ...base, categories: { state: 'loading' } });
    expect(text(root.querySelector('[role=status]'))).to.contain('Hämtar kategorier');
    root = await show({ ...base, categories: { state: 'error', retry: () => calls.push('retry') } });
    [...root.querySelectorAll('button')].find((button) => text(button) === 'Försök igen')!.click();
    expect(calls).to.deep.equal(['retry']);
    root = await show({ ...base, categories: { state: 'ready', value: { none: true, groups: [] } } });
    expect(text(root.querySelector('.kk-alert'))).to.contain('Det går inte att göra felanmälningar här just nu');
  });

  it('place: the chosen position can be removed, the map goes where the view says', async () => {
    const container = createRef<HTMLDivElement>();
    const view: PlaceView = {
      ...frame,
      page: 'place',
      address: field('address'),
      position: { text: 'Vald plats: 59.33000, 18.06000', onClear: () => calls.push('clear') },
      onUseMyPosition: () => calls.push('locate'),
      positionMessage: { tone: 'error', text: 'Vi kunde inte hämta din position.' },
      map: { container, attribution: '© Exempelstad' },
      searchingNearby: false,
      onSubmit: () => calls.push('submit'),
    };
    const root = await show(view);
    expect(container.value?.classList.contains('kk-map')).to.equal(true);
    expect(text(root.querySelector('.kk-map-attribution'))).to.equal('© Exempelstad');
    expect(text(root.querySelector('[role=status]'))).to.contain('Vi kunde inte hämta din position.');
    [...root.querySelectorAll('button')].find((button) => text(button) === 'Ta bort vald plats')!.click();
    root.querySelector<HTMLButtonElement>('.kk-back-link')!.click();
    expect(calls).to.deep.equal(['clear', 'back']);
  });

  it('nearby: each report can be followed by its reference', async () => {
    const view: NearbyView = {
      ...frame,
      page: 'nearby',
      reports: [{ reference: 'EXS-2026-000042', title: 'Storgatan 12', status: { label: 'Åtgärd planerad', tone: 'warning' }, description: 'Lampan lyser inte' }],
      onFollow: (reference) => calls.push(`follow ${reference}`),
      onContinue: () => calls.push('continue'),
    };
    const root = await show(view);
    expect(text(root.querySelector('.kk-nearby'))).to.contain('Åtgärd planerad');
    [...root.querySelectorAll('button')].find((button) => text(button).startsWith('Följ det här ärendet'))!.click();
    [...root.querySelectorAll('button')].find((button) => text(button) === 'Mitt fel finns inte med, fortsätt')!.click();
    expect(calls).to.deep.equal(['follow EXS-2026-000042', 'continue']);
  });

  it('details: the questions that could not be fetched, the photo list and a full photo field', async () => {
    const view: DetailsView = {
      ...frame,
      page: 'details',
      description: field('description', 'Trasig'),
      descriptionMax: 10,
      questions: { state: 'error', retry: () => {} },
      photos: {
        id: 'kk-fel-photos',
        max: 1,
        accept: 'image/jpeg',
        error: undefined,
        busy: false,
        list: [{ id: 7, name: 'lampa.jpg', url: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }],
        onFiles: () => {},
        onRemove: (id) => calls.push(`remove ${id}`),
      },
      onSubmit: () => {},
    };
    const root = await show(view);
    expect(text(root.querySelector('.kk-alert--warning'))).to.contain('Beskriv felet så noga du kan');
    expect(root.querySelector<HTMLInputElement>('input[type=file]')!.disabled).to.equal(true);
    expect(root.textContent.includes('Du har 4 tecken kvar')).to.equal(true);
    [...root.querySelectorAll('button')].find((button) => text(button) === 'Ta bort lampa.jpg')!.click();
    expect(calls).to.deep.equal(['remove 7']);
  });

  it('check: the rows with "Ändra", the submit error, and the submit', async () => {
    const view: CheckView = {
      ...frame,
      page: 'check',
      rows: [{ key: 'Kategori', value: 'Klotter', onChange: () => calls.push('change category') }],
      submitError: 'Det gick inte att skicka anmälan just nu.',
      busy: false,
      onSubmit: () => calls.push('submit'),
    };
    const root = await show(view);
    expect(text(root.querySelector('[role=alert]'))).to.contain('Det gick inte att skicka anmälan just nu.');
    expect(root.querySelectorAll('[role=alert] [role=alert]'), 'no alert inside another').to.have.length(0);
    [...root.querySelectorAll('button')].find((button) => text(button) === 'Ändra Kategori')!.click();
    [...root.querySelectorAll('button')].find((button) => text(button) === 'Skicka anmälan')!.click();
    expect(calls).to.deep.equal(['change category', 'submit']);
  });

  it('follow: a found report with its history newest first, and a number that is not found', async () => {
    const base: Omit<FollowView, 'result'> = { headingLevel: 3, page: 'follow', reference: field('reference', 'EXS-1'), errors: [], onSubmit: () => {}, onNewReport: () => {} };
    let root = await show({
      ...base,
      result: {
        state: 'ready',
        value: {
          asked: 'EXS-1',
          found: {
            reference: 'EXS-1',
            status: { label: 'Åtgärdad', tone: 'success' },
            rows: [{ key: 'Kategori', value: 'Klotter' }],
            notes: undefined,
            history: [
              { label: 'Mottagen', tone: 'info', at: '2026-11-20T09:00:00Z' },
              { label: 'Åtgärdad', tone: 'success', at: '2026-11-21T09:00:00Z', note: 'Borttaget.' },
            ],
          },
        },
      },
    });
    expect(root.querySelector('h3')).to.not.equal(null);
    expect([...root.querySelectorAll('.kk-status-history .kk-tag')].map(text)).to.deep.equal(['Åtgärdad', 'Mottagen']);
    expect(text(root.querySelector('[part=history]'))).to.contain('Borttaget.');
    root = await show({ ...base, result: { state: 'ready', value: { asked: 'EXS-9', found: null } } });
    expect(text(root.querySelector('.kk-alert--warning'))).to.contain('EXS-9');
  });
});
