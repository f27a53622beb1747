import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context
import { expect, waitFor } from 'storybook/test';
import { api, exempelstad, gatewayDown, gatewayHandlers, gatewayUnavailable, open311, reportFound, seedDraft, submitRejected } from '../test/support.js';
import { citizenGateway, sessionHandlers } from '../test/support.js';
import './define.js';
import type { KkFelanmalan } from './felanmalan.js';
import type { Step } from './types.js';

/**
 * `<kk-felanmalan>`: a citizen reports a fault in public space and follows it. Every page and
 * state, against a mocked Open311 gateway (MSW).
 */
const meta: Meta = {
  title: 'felanmalan/kk-felanmalan',
  component: 'kk-felanmalan',
  beforeEach({ msw }) {
    // Drafts live in sessionStorage: one story's answers must not show up in the next.
    sessionStorage.clear();
    msw.use(...gatewayHandlers());
  },
  render: () => html`<kk-felanmalan api=${api} kommun="exempelstad"></kk-felanmalan>`,
};
export default meta;

type Story = StoryObj;

const widget = (canvasElement: HTMLElement) => canvasElement.querySelector<KkFelanmalan>('kk-felanmalan')!;
const shadow = (canvasElement: HTMLElement) => widget(canvasElement).shadowRoot!;

/**
 * Starts the story on `path`'s last page, as a reload would: a draft with the answers up to it.
 * For a story's `beforeEach`, after the meta's has cleared sessionStorage.
 */
const startAt =
  (path: Step[], serviceCode = 'gatubelysning', answers: Record<string, unknown> = {}, kommun = 'exempelstad') =>
  (): void =>
    seedDraft(
      kommun,
      {
        serviceCode,
        ...(path.length > 2 ? { address: 'Storgatan 12, vid busshållplatsen' } : {}),
        ...(path.length > 3 ? { description: 'Lampan i stolpen utanför nummer 12 lyser inte sedan en vecka.' } : {}),
        ...answers,
      },
      path,
    );

/** Waits until the page with `title` shows. */
async function page(canvasElement: HTMLElement, title: string): Promise<KkFelanmalan> {
  const element = widget(canvasElement);
  await waitFor(() => expect(shadow(canvasElement).querySelector('[data-kk-focus-target]')?.textContent).toContain(title), { timeout: 5000 });
  return element;
}

const click = async (canvasElement: HTMLElement, label: string): Promise<void> => {
  const button = [...shadow(canvasElement).querySelectorAll<HTMLButtonElement>('button')].find((candidate) => candidate.textContent.trim() === label);
  await expect(button).toBeDefined();
  button!.click();
  await widget(canvasElement).updateComplete;
};

const categoriesShown = async (canvasElement: HTMLElement) =>
  waitFor(() => expect(shadow(canvasElement).querySelector('input[name=serviceCode]')).not.toBeNull());

export const Categories: Story = {
  play: async ({ canvasElement }) => categoriesShown(canvasElement),
};

export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(http.get(`${open311}/services.json`, async () => delay('infinite')));
  },
};

export const NoCategories: Story = {
  beforeEach({ msw }) {
    msw.use(http.get(`${open311}/services.json`, () => HttpResponse.json([])));
  },
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert')).not.toBeNull()),
};

export const GatewayDown: Story = {
  beforeEach({ msw }) {
    msw.use(...gatewayDown);
  },
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--error')).not.toBeNull(), { timeout: 5000 }),
};

export const GatewayUnavailable: Story = {
  beforeEach({ msw }) {
    msw.use(...gatewayUnavailable);
  },
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--error')).not.toBeNull()),
};

export const CategoryNotRequired: Story = {
  name: 'Validation error: no category chosen',
  play: async ({ canvasElement }) => {
    await categoriesShown(canvasElement);
    shadow(canvasElement).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitFor(() => expect(shadow(canvasElement).activeElement).toBe(shadow(canvasElement).querySelector('[data-kk-error-summary]')));
  },
};

export const HandedOff: Story = {
  name: 'Category the kommun does not handle',
  play: async ({ canvasElement }) => {
    await categoriesShown(canvasElement);
    shadow(canvasElement).querySelector<HTMLInputElement>('input[value=statlig-vag]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--warning')).not.toBeNull());
  },
};

export const Place: Story = {
  beforeEach: startAt(['category', 'place']),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Var finns felet?');
  },
};

export const PlaceNotGiven: Story = {
  name: 'Validation error: no place',
  beforeEach: startAt(['category', 'place']),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Var finns felet?');
    await click(canvasElement, 'Fortsätt');
    await expect(shadow(canvasElement).querySelector('[data-kk-error-summary]')).not.toBeNull();
  },
};

/** A 1×1 tile, so the map draws without any outside connection. */
const tile = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

export const PlaceWithMap: Story = {
  // A kommun of its own: the SDK asks for a kommun's info (the map settings) once per page.
  render: () => html`<kk-felanmalan api=${api} kommun="kartstad"></kk-felanmalan>`,
  beforeEach({ msw }) {
    msw.use(...gatewayHandlers({ map: { tileUrl: tile, attribution: '© Exempelstads kommun', center: [59.33, 18.06], zoom: 15 } }));
    startAt(['category', 'place'], 'gatubelysning', { lat: 59.3301, long: 18.0602 }, 'kartstad')();
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Var finns felet?');
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-map .leaflet-marker-icon')).not.toBeNull(), { timeout: 5000 });
  },
};

/** The map by keyboard: focused (crosshair in the middle), Enter puts the pin there, and the place reads as its nearest address. */
export const PlaceMapByKeyboard: Story = {
  name: 'Map by keyboard, the pin as an address',
  render: () => html`<kk-felanmalan api=${api} kommun="tangentstad"></kk-felanmalan>`,
  beforeEach({ msw }) {
    msw.use(...gatewayHandlers({ map: { tileUrl: tile, attribution: '© Exempelstads kommun', center: exempelstad.center, zoom: 16 }, addresses: exempelstad.addresses }));
    startAt(['category', 'place'], 'gatubelysning', {}, 'tangentstad')();
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Var finns felet?');
    const map = await waitFor(() => {
      const found = shadow(canvasElement).querySelector<HTMLElement>('.kk-map.leaflet-container');
      void expect(found).not.toBeNull();
      return found!;
    });
    map.focus({ focusVisible: true });
    map.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-position > [aria-live]')?.textContent).toBe('Nära Storgatan 12'), { timeout: 5000 });
  },
};

/** Open reports near a typed address (the register finds it), each with its date and distance. */
export const NearbyForAddress: Story = {
  name: 'Reports near a typed address',
  beforeEach({ msw }) {
    const storgatan = exempelstad.addresses[0]!;
    msw.use(
      ...gatewayHandlers({
        addresses: exempelstad.addresses,
        nearby: [
          { ...reportFound, status: 'open', lat: storgatan.lat + 0.00036, long: storgatan.long, extended_attributes: undefined },
          { ...reportFound, service_request_id: 'EXS-2026-000044', address: undefined, description: 'Lampan blinkar', lat: storgatan.lat - 0.0011, long: storgatan.long, extended_attributes: undefined },
        ],
      }),
    );
    startAt(['category', 'place'], 'gatubelysning', { address: 'Storgatan 12' })();
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Var finns felet?');
    await click(canvasElement, 'Fortsätt');
    await page(canvasElement, 'Är felet redan anmält?');
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-nearby')?.textContent).toContain('ca 40 m bort'));
  },
};

export const Nearby: Story = {
  name: 'Reports nearby',
  beforeEach({ msw }) {
    msw.use(...gatewayHandlers({ nearby: [reportFound] }));
    startAt(['category', 'place'], 'gatubelysning', { lat: 59.33, long: 18.06 })();
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Var finns felet?');
    await click(canvasElement, 'Fortsätt');
    await page(canvasElement, 'Är felet redan anmält?');
  },
};

export const Details: Story = {
  name: 'Description, extra question and photos',
  beforeEach: startAt(['category', 'place', 'details']),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Beskriv felet');
    await waitFor(() => expect(shadow(canvasElement).getElementById('kk-fel-attr_lamp_number')).not.toBeNull());
  },
};

export const UrgentAnswer: Story = {
  name: 'A dangerous fault: phone the kommun now',
  beforeEach({ msw }) {
    msw.use(
      http.get(`${open311}/services/gatubelysning.json`, () =>
        HttpResponse.json({
          service_code: 'gatubelysning',
          attributes: [
            {
              variable: true,
              code: 'fara',
              datatype: 'singlevaluelist',
              required: false,
              datatype_description: '',
              order: 1,
              description: 'Är det farligt, till exempel en stolpe som kan falla eller sladdar som hänger fritt?',
              values: [
                { key: 'ja', name: 'Ja, det är farligt', urgent_phone: '013-20 60 00' },
                { key: 'nej', name: 'Nej' },
              ],
            },
          ],
        }),
      ),
    );
    startAt(['category', 'place', 'details'])();
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Beskriv felet');
    await waitFor(() => expect(shadow(canvasElement).querySelector('input[value=ja]')).not.toBeNull());
    shadow(canvasElement).querySelector<HTMLInputElement>('input[value=ja]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('a[href^="tel:"]')).not.toBeNull());
  },
};

export const DescriptionMissing: Story = {
  name: 'Validation error: no description',
  beforeEach: startAt(['category', 'place', 'details'], 'klotter'),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Beskriv felet');
    await click(canvasElement, 'Fortsätt');
    await expect(shadow(canvasElement).querySelector('[data-kk-error-summary]')).not.toBeNull();
  },
};

export const Contact: Story = {
  beforeEach: startAt(['category', 'place', 'details', 'contact']),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Vill du lämna kontaktuppgifter?');
  },
};

export const ContactInvalid: Story = {
  name: 'Validation error: e-mail in the wrong format',
  beforeEach: startAt(['category', 'place', 'details', 'contact'], 'gatubelysning', { email: 'anna@' }),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Vill du lämna kontaktuppgifter?');
    await click(canvasElement, 'Fortsätt');
    await expect(shadow(canvasElement).querySelector('[data-kk-error-summary]')).not.toBeNull();
  },
};

export const Check: Story = {
  name: 'Check answers',
  beforeEach: startAt(['category', 'place', 'details', 'contact', 'check'], 'gatubelysning', { firstName: 'Anna', email: 'anna@exempel.se' }),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Kontrollera din anmälan');
  },
};

export const SubmitFailed: Story = {
  name: 'Submit failed: gateway down',
  beforeEach({ msw }) {
    msw.use(http.post(`${open311}/requests.json`, () => HttpResponse.error()));
    startAt(['category', 'place', 'details', 'contact', 'check'], 'klotter')();
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Kontrollera din anmälan');
    await click(canvasElement, 'Skicka anmälan');
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--error')).not.toBeNull(), { timeout: 10000 });
  },
};

export const SubmitRejected: Story = {
  name: 'Submit refused: field error from the gateway',
  beforeEach({ msw }) {
    msw.use(...submitRejected);
    startAt(['category', 'place', 'details', 'contact', 'check'], 'klotter')();
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Kontrollera din anmälan');
    await click(canvasElement, 'Skicka anmälan');
    await page(canvasElement, 'Beskriv felet');
    await waitFor(() => expect(shadow(canvasElement).querySelector('[data-kk-error-summary]')).not.toBeNull());
  },
};

export const Submitted: Story = {
  beforeEach: startAt(['category', 'place', 'details', 'contact', 'check'], 'klotter'),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Kontrollera din anmälan');
    await click(canvasElement, 'Skicka anmälan');
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-panel__reference')?.textContent).toBe('EXS-2026-000043'));
  },
};

export const FollowFound: Story = {
  name: 'Följ ärende: found',
  render: () => html`<kk-felanmalan api=${api} kommun="exempelstad" view="folj" reference="EXS-2026-000042"></kk-felanmalan>`,
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-status-history')).not.toBeNull()),
};

export const FollowNotFound: Story = {
  name: 'Följ ärende: not found',
  render: () => html`<kk-felanmalan api=${api} kommun="exempelstad" view="folj" reference="EXS-2026-999999"></kk-felanmalan>`,
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--warning')).not.toBeNull()),
};

export const FollowEmpty: Story = {
  name: 'Följ ärende: no number yet',
  render: () => html`<kk-felanmalan api=${api} kommun="exempelstad" view="folj"></kk-felanmalan>`,
};

export const English: Story = {
  render: () => html`<kk-felanmalan api=${api} kommun="exempelstad" lang="en"></kk-felanmalan>`,
  play: async ({ canvasElement }) =>
    waitFor(() => expect(shadow(canvasElement).querySelector('[data-kk-focus-target]')?.textContent).toContain('What do you want to report?')),
};

// Logged in, "Mina anmälningar", editing and withdrawing. Each logged-in story has a kommun of
// its own: the page's SDK client remembers who is logged in per kommun.

/** A logged-in test person with two earlier reports, one still editable, at a gateway with the citizen API. */
function citizen(msw: { use: (...handlers: ReturnType<typeof citizenGateway>['handlers']) => void }, reports = true): void {
  const session = sessionHandlers();
  const gateway = citizenGateway({ signedIn: session.signedIn });
  if (reports) {
    gateway.seed({
      reference: 'EXS-2026-000302',
      serviceName: 'Gatubelysning',
      address: 'Storgatan 12',
      description: 'Lampan i stolpen utanför nummer 12 lyser inte.',
      requestedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      editableUntil: new Date(Date.now() + 50 * 60_000).toISOString(),
    });
    gateway.seed({
      reference: 'EXS-2026-000301',
      serviceName: 'Klotter',
      address: 'Torget',
      requestedAt: '2026-11-02T09:00:00Z',
      status: 'atgard_planerad',
      history: [
        { status: 'mottagen', at: '2026-11-02T09:00:00Z' },
        { status: 'atgard_planerad', at: '2026-11-03T10:00:00Z', note: 'Saneringen är beställd.' },
      ],
    });
  }
  msw.use(...session.handlers, ...gateway.handlers);
}

const mine = (kommun: string) => () => html`<kk-felanmalan api=${api} kommun=${kommun} view="mina"></kk-felanmalan>`;
const rowsShown = (canvasElement: HTMLElement) =>
  waitFor(() => expect(shadow(canvasElement).querySelector('.kk-list__row, .kk-list__empty')).not.toBeNull(), { timeout: 5000 });

export const MineLoginGate: Story = {
  name: 'Mina anmälningar: login gate',
  render: mine('exempelstad'),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Mina anmälningar');
  },
};

export const MineList: Story = {
  name: 'Mina anmälningar: list',
  beforeEach({ msw }) {
    citizen(msw);
  },
  render: mine('minlistastad'),
  play: async ({ canvasElement }) => rowsShown(canvasElement),
};

export const MineEmpty: Story = {
  name: 'Mina anmälningar: none yet',
  beforeEach({ msw }) {
    citizen(msw, false);
  },
  render: mine('mintomstad'),
  play: async ({ canvasElement }) => rowsShown(canvasElement),
};

export const MineError: Story = {
  name: 'Mina anmälningar: cannot be loaded',
  beforeEach({ msw }) {
    citizen(msw);
    msw.use(
      http.get(`${api}/api/v1/:kommun/felanmalan/reports/mine`, () =>
        HttpResponse.json(
          { type: 'urn:kommunkit:problem:unavailable', title: 'Tjänsten är inte tillgänglig just nu', status: 503 },
          { status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '0' } },
        ),
      ),
    );
  },
  render: mine('minfelstad'),
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--error')).not.toBeNull(), { timeout: 10000 }),
};

export const MineDetail: Story = {
  name: 'Mina anmälningar: one report, still editable',
  beforeEach({ msw }) {
    citizen(msw);
  },
  render: mine('mindetaljstad'),
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    shadow(canvasElement).querySelector<HTMLButtonElement>('.kk-list__row')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('[data-kk-edit]')).not.toBeNull());
  },
};

/** Check answers at a gateway that files anonymously with the edit extensions; the play sends it. */
const filed = (kommun: string): Story => ({
  beforeEach({ msw }) {
    msw.use(...citizenGateway({ signedIn: () => undefined }).handlers);
    startAt(['category', 'place', 'details', 'contact', 'check'], 'klotter', {}, kommun)();
  },
  render: () => html`<kk-felanmalan api=${api} kommun=${kommun}></kk-felanmalan>`,
});
const send = async (canvasElement: HTMLElement) => {
  await page(canvasElement, 'Kontrollera din anmälan');
  await click(canvasElement, 'Skicka anmälan');
  await page(canvasElement, 'Tack! Din felanmälan är skickad');
};
const editHeading = (canvasElement: HTMLElement, title: string) =>
  waitFor(() => expect(shadow(canvasElement).querySelector('[data-kk-edit] [data-kk-focus-target]')?.textContent).toContain(title), { timeout: 5000 });

export const EditDescription: Story = {
  ...filed('redigerstad'),
  name: 'Edit: the description',
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    await click(canvasElement, 'Ändra beskrivningen');
    await editHeading(canvasElement, 'Ändra beskrivningen');
  },
};

export const WithdrawConfirm: Story = {
  ...filed('fragastad'),
  name: 'Withdraw: "Vill du återkalla anmälan?"',
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    await click(canvasElement, 'Återkalla anmälan');
    await editHeading(canvasElement, 'Vill du återkalla anmälan?');
  },
};

export const Withdrawn: Story = {
  ...filed('aterkallastad'),
  name: 'Withdraw: withdrawn',
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    await click(canvasElement, 'Återkalla anmälan');
    await click(canvasElement, 'Ja, återkalla anmälan');
    await editHeading(canvasElement, 'Anmälan är återkallad');
  },
};

export const EditTooLate: Story = {
  name: 'Edit: too late (409)',
  beforeEach({ msw }) {
    const gateway = citizenGateway({ signedIn: () => undefined });
    msw.use(...gateway.handlers);
    // The gateway's window passes while the citizen writes.
    msw.use(
      http.put(`${api}/api/v1/:kommun/felanmalan/reports/:reference/description`, ({ params }) => {
        gateway.expire(String(params.reference));
        return undefined;
      }),
    );
    startAt(['category', 'place', 'details', 'contact', 'check'], 'klotter', {}, 'sentstad')();
  },
  render: () => html`<kk-felanmalan api=${api} kommun="sentstad"></kk-felanmalan>`,
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    await click(canvasElement, 'Ändra beskrivningen');
    await waitFor(() => expect(shadow(canvasElement).getElementById('kk-fel-edit-description')).not.toBeNull());
    await click(canvasElement, 'Spara ändringen');
    await editHeading(canvasElement, 'Det går inte längre att ändra anmälan');
  },
};

export const ConfirmationAfterReload: Story = {
  name: 'Confirmation after a reload',
  beforeEach() {
    sessionStorage.setItem('kommunkit:felanmalan-sent:exempelstad', JSON.stringify({ report: { reference: 'EXS-2026-000043', notice: 'Tack! Din felanmälan har nummer EXS-2026-000043.' } }));
  },
  play: async ({ canvasElement }) =>
    waitFor(() => expect(shadow(canvasElement).querySelector('.kk-panel__reference')?.textContent).toBe('EXS-2026-000043'), { timeout: 5000 }),
};
