import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { delay, http, HttpResponse } from 'msw';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context
import { expect, waitFor as waitUntil } from 'storybook/test';
import { api, exempelstad, gatewayDown, gatewayHandlers, gatewayUnavailable, hangingGateway, open311, reportFound, seedDraft, submitRejected } from '../test/support.js';
import { citizenGateway, sessionHandlers } from '../test/support.js';
import './define.js';
import type { KkFelanmalan } from './felanmalan.js';
import type { Step } from './types.js';

/** The element's attributes, as the editor sets them; the controls change them. */
interface Args {
  api: string;
  kommun: string;
  view: 'anmal' | 'folj' | 'mina';
  reference: string;
  lang: '' | 'sv' | 'en';
  'heading-level': number;
  /** The property behind `heading-level`: in the table, not set by the stories. */
  headingLevel?: number;
}

/**
 * `<kk-felanmalan>`: a citizen reports a fault in public space and follows it. Every page and
 * state, against a mocked Open311 gateway (MSW).
 */
const meta: Meta<Args> = {
  title: 'felanmalan/kk-felanmalan',
  component: 'kk-felanmalan',
  beforeEach({ msw, args }) {
    // Drafts and sent reports live in sessionStorage, per kommun: one story's answers must not
    // show up in the next. Only this story's kommun is cleared, and each story that starts from a
    // draft has a kommun of its own: on the Docs page the stories' frames share one tab's storage.
    for (const key of Object.keys(sessionStorage)) if (key.endsWith(`:${args.kommun}`)) sessionStorage.removeItem(key);
    msw.use(...gatewayHandlers());
  },
  args: { api, kommun: 'exempelstad', view: 'anmal', reference: '', lang: '', 'heading-level': 2 },
  argTypes: {
    view: { control: 'inline-radio', options: ['anmal', 'folj', 'mina'] },
    lang: { control: 'inline-radio', options: ['', 'sv', 'en'], description: "The widget's language; empty: the page's (the toolbar's Språk)." },
    'heading-level': { control: 'select', options: [2, 3, 4, 5, 6] },
    // The property behind `heading-level`, which the attribute's control sets.
    headingLevel: { control: false },
  },
  render: (args) =>
    html`<kk-felanmalan
      api=${args.api}
      kommun=${args.kommun}
      view=${args.view}
      reference=${ifDefined(args.reference || undefined)}
      lang=${ifDefined(args.lang || undefined)}
      heading-level=${args['heading-level']}
    ></kk-felanmalan>`,
  parameters: {
    // Most states are reached by a draft, mocked answers and a play function, which need a page
    // of their own: inline on the Docs page they would share one mock worker and one tab's
    // sessionStorage, and show the first page. Each story there is its own frame.
    docs: { story: { inline: false, height: '560px' } },
  },
};
export default meta;

type Story = StoryObj<Args>;

// The later pages and views are lazy chunks and the gateway is a mock worker: on a busy machine
// (CI, the built Storybook's test) a state takes longer than waitFor's default second to show.
const waitFor: typeof waitUntil = (callback, options) => waitUntil(callback, { timeout: 5000, ...options });

const widget = (canvasElement: HTMLElement) => canvasElement.querySelector<KkFelanmalan>('kk-felanmalan')!;
const shadow = (canvasElement: HTMLElement) => widget(canvasElement).shadowRoot!;

/**
 * Starts the story on `path`'s last page, as a reload would: a draft with the answers up to it,
 * for the story's kommun. For a story's `beforeEach`, after the meta's has cleared that kommun's.
 */
const startAt =
  (path: Step[], serviceCode = 'gatubelysning', answers: Record<string, unknown> = {}) =>
  ({ args }: { args: Args }): void =>
    seedDraft(
      args.kommun,
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
  args: { kommun: 'exempelstad-category-not-required' },
  name: 'Validation error: no category chosen',
  play: async ({ canvasElement }) => {
    await categoriesShown(canvasElement);
    shadow(canvasElement).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitFor(() => expect(shadow(canvasElement).activeElement).toBe(shadow(canvasElement).querySelector('[data-kk-error-summary]')));
  },
};

export const HandedOff: Story = {
  args: { kommun: 'exempelstad-handed-off' },
  name: 'Category the kommun does not handle',
  play: async ({ canvasElement }) => {
    await categoriesShown(canvasElement);
    shadow(canvasElement).querySelector<HTMLInputElement>('input[value=statlig-vag]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--warning')).not.toBeNull());
  },
};

export const Place: Story = {
  args: { kommun: 'exempelstad-place' },
  beforeEach: startAt(['category', 'place']),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Var finns felet?');
  },
};

export const PlaceNotGiven: Story = {
  args: { kommun: 'exempelstad-place-not-given' },
  name: 'Validation error: no place',
  beforeEach: startAt(['category', 'place']),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Var finns felet?');
    await click(canvasElement, 'Fortsätt');
    await expect(shadow(canvasElement).querySelector('[data-kk-error-summary]')).not.toBeNull();
  },
};

/** "Använd min position" when the browser (or the citizen) refuses the position. */
export const PositionDenied: Story = {
  args: { kommun: 'exempelstad-position-denied' },
  name: 'Position denied',
  beforeEach({ args }) {
    startAt(['category', 'place'])({ args });
    const denied = { code: 1, message: 'User denied Geolocation', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 };
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition: (_found: PositionCallback, failed?: PositionErrorCallback) => failed?.(denied as GeolocationPositionError) },
    });
    // Back to the browser's own geolocation (the prototype's) when the story is left.
    return () => void Reflect.deleteProperty(navigator, 'geolocation');
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Var finns felet?');
    await click(canvasElement, 'Använd min position');
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--error')?.textContent).toContain('Vi kunde inte hämta din position'));
  },
};

/** A 1×1 tile, so the map draws without any outside connection. */
const tile = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

export const PlaceWithMap: Story = {
  // A kommun of its own: the SDK asks for a kommun's info (the map settings) once per page.
  args: { kommun: 'kartstad' },
  beforeEach({ msw, args }) {
    msw.use(...gatewayHandlers({ map: { tileUrl: tile, attribution: '© Exempelstads kommun', center: [59.33, 18.06], zoom: 15 } }));
    startAt(['category', 'place'], 'gatubelysning', { lat: 59.3301, long: 18.0602 })({ args });
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Var finns felet?');
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-map .leaflet-marker-icon')).not.toBeNull(), { timeout: 5000 });
  },
};

/** The map by keyboard: focused (crosshair in the middle), Enter puts the pin there, and the place reads as its nearest address. */
export const PlaceMapByKeyboard: Story = {
  name: 'Map by keyboard, the pin as an address',
  args: { kommun: 'tangentstad' },
  beforeEach({ msw, args }) {
    msw.use(...gatewayHandlers({ map: { tileUrl: tile, attribution: '© Exempelstads kommun', center: exempelstad.center, zoom: 16 }, addresses: exempelstad.addresses }));
    startAt(['category', 'place'], 'gatubelysning', {})({ args });
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
  args: { kommun: 'exempelstad-nearby-for-address' },
  name: 'Reports near a typed address',
  beforeEach({ msw, args }) {
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
    startAt(['category', 'place'], 'gatubelysning', { address: 'Storgatan 12' })({ args });
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Var finns felet?');
    await click(canvasElement, 'Fortsätt');
    await page(canvasElement, 'Är felet redan anmält?');
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-nearby')?.textContent).toContain('ca 40 m bort'));
  },
};

export const Nearby: Story = {
  args: { kommun: 'exempelstad-nearby' },
  name: 'Reports nearby',
  beforeEach({ msw, args }) {
    msw.use(...gatewayHandlers({ nearby: [reportFound] }));
    startAt(['category', 'place'], 'gatubelysning', { lat: 59.33, long: 18.06 })({ args });
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Var finns felet?');
    await click(canvasElement, 'Fortsätt');
    await page(canvasElement, 'Är felet redan anmält?');
  },
};

export const Details: Story = {
  args: { kommun: 'exempelstad-details' },
  name: 'Description, extra question and photos',
  beforeEach: startAt(['category', 'place', 'details']),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Beskriv felet');
    await waitFor(() => expect(shadow(canvasElement).getElementById('kk-fel-attr_lamp_number')).not.toBeNull());
  },
};

/** A photo of `width`×`height` px, drawn here, as the citizen's camera would give it. */
async function photo(width: number, height: number): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#3a7';
  context.fillRect(0, 0, width, height);
  return new File([await canvas.convertToBlob({ type: 'image/png' })], `foto-${String(width)}x${String(height)}.png`, { type: 'image/png' });
}

/** Chooses `files` in the photo field, as the browser's file dialog does. */
async function choose(canvasElement: HTMLElement, files: File[]): Promise<void> {
  const input = shadow(canvasElement).querySelector<HTMLInputElement>('input[type=file]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitFor(() => expect(shadow(canvasElement).getElementById('kk-fel-photos-error')).not.toBeNull(), { timeout: 10000 });
}

export const PhotosTooMany: Story = {
  args: { kommun: 'exempelstad-photos-too-many' },
  name: 'Photos: more than three',
  beforeEach: startAt(['category', 'place', 'details'], 'klotter'),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Beskriv felet');
    await choose(canvasElement, await Promise.all([1, 2, 3, 4].map((n) => photo(100 * n, 100))));
    await expect(shadow(canvasElement).querySelectorAll('.kk-photos img')).toHaveLength(3);
    await expect(shadow(canvasElement).getElementById('kk-fel-photos-error')?.textContent).toContain('högst 3 bilder');
  },
};

export const PhotoNotAnImage: Story = {
  args: { kommun: 'exempelstad-photo-not-an-image' },
  name: 'Photos: a file that is not a photo',
  beforeEach: startAt(['category', 'place', 'details'], 'klotter'),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Beskriv felet');
    await choose(canvasElement, [new File(['inte en bild'], 'anteckning.txt', { type: 'text/plain' })]);
    await expect(shadow(canvasElement).getElementById('kk-fel-photos-error')?.textContent).toContain('anteckning.txt gick inte att läsa som bild');
  },
};

/** A reload keeps the answers, not the photos: the draft says it had some, and the widget asks for them again. */
export const PhotosLostAfterReload: Story = {
  args: { kommun: 'exempelstad-photos-lost-after-reload' },
  name: 'Photos lost after a reload',
  beforeEach({ args }) {
    seedDraft(args.kommun, { serviceCode: 'klotter', address: 'Parkbänken vid dammen', description: 'Klotter på bänken' }, ['category', 'place', 'details'], true);
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Beskriv felet');
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert')?.textContent).toContain('Lägg till filerna igen'));
  },
};

export const UrgentAnswer: Story = {
  args: { kommun: 'exempelstad-urgent-answer' },
  name: 'A dangerous fault: phone the kommun now',
  beforeEach({ msw, args }) {
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
    startAt(['category', 'place', 'details'])({ args });
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Beskriv felet');
    await waitFor(() => expect(shadow(canvasElement).querySelector('input[value=ja]')).not.toBeNull());
    shadow(canvasElement).querySelector<HTMLInputElement>('input[value=ja]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('a[href^="tel:"]')).not.toBeNull());
  },
};

export const DescriptionMissing: Story = {
  args: { kommun: 'exempelstad-description-missing' },
  name: 'Validation error: no description',
  beforeEach: startAt(['category', 'place', 'details'], 'klotter'),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Beskriv felet');
    await click(canvasElement, 'Fortsätt');
    await expect(shadow(canvasElement).querySelector('[data-kk-error-summary]')).not.toBeNull();
  },
};

export const Contact: Story = {
  args: { kommun: 'exempelstad-contact' },
  beforeEach: startAt(['category', 'place', 'details', 'contact']),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Vill du lämna kontaktuppgifter?');
  },
};

export const ContactInvalid: Story = {
  args: { kommun: 'exempelstad-contact-invalid' },
  name: 'Validation error: e-mail in the wrong format',
  beforeEach: startAt(['category', 'place', 'details', 'contact'], 'gatubelysning', { email: 'anna@' }),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Vill du lämna kontaktuppgifter?');
    await click(canvasElement, 'Fortsätt');
    await expect(shadow(canvasElement).querySelector('[data-kk-error-summary]')).not.toBeNull();
  },
};

/** A logged-in citizen's name comes from the login; e-mail and phone stay the citizen's choice. */
export const ContactPrefilled: Story = {
  name: 'Contact: prefilled for a logged-in citizen',
  // A kommun of its own: the page's SDK client remembers per kommun who is logged in.
  args: { kommun: 'forifylldstad' },
  beforeEach({ msw, args }) {
    msw.use(...sessionHandlers().handlers);
    startAt(['category', 'place', 'details', 'contact'], 'gatubelysning', {})({ args });
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Vill du lämna kontaktuppgifter?');
    await waitFor(() => expect(shadow(canvasElement).querySelector<HTMLInputElement>('input[autocomplete=given-name]')?.value).toBe('Anna'));
  },
};

export const Check: Story = {
  args: { kommun: 'exempelstad-check' },
  name: 'Check answers',
  beforeEach: startAt(['category', 'place', 'details', 'contact', 'check'], 'gatubelysning', { firstName: 'Anna', email: 'anna@exempel.se' }),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Kontrollera din anmälan');
  },
};

export const Submitting: Story = {
  args: { kommun: 'exempelstad-submitting' },
  name: 'Submitting: waiting for the gateway',
  beforeEach({ msw, args }) {
    msw.use(...hangingGateway().handlers);
    startAt(['category', 'place', 'details', 'contact', 'check'], 'klotter')({ args });
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Kontrollera din anmälan');
    await click(canvasElement, 'Skicka anmälan');
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-sending')?.textContent).toContain('Anmälan skickas'));
  },
};

export const SubmitFailed: Story = {
  args: { kommun: 'exempelstad-submit-failed' },
  name: 'Submit failed: gateway down',
  beforeEach({ msw, args }) {
    msw.use(http.post(`${open311}/requests.json`, () => HttpResponse.error()));
    startAt(['category', 'place', 'details', 'contact', 'check'], 'klotter')({ args });
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Kontrollera din anmälan');
    await click(canvasElement, 'Skicka anmälan');
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--error')).not.toBeNull(), { timeout: 10000 });
  },
};

export const SubmitRejected: Story = {
  args: { kommun: 'exempelstad-submit-rejected' },
  name: 'Submit refused: field error from the gateway',
  beforeEach({ msw, args }) {
    msw.use(...submitRejected);
    startAt(['category', 'place', 'details', 'contact', 'check'], 'klotter')({ args });
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Kontrollera din anmälan');
    await click(canvasElement, 'Skicka anmälan');
    await page(canvasElement, 'Beskriv felet');
    await waitFor(() => expect(shadow(canvasElement).querySelector('[data-kk-error-summary]')).not.toBeNull());
  },
};

export const Submitted: Story = {
  args: { kommun: 'exempelstad-submitted' },
  beforeEach: startAt(['category', 'place', 'details', 'contact', 'check'], 'klotter'),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Kontrollera din anmälan');
    await click(canvasElement, 'Skicka anmälan');
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-panel__reference')?.textContent).toBe('EXS-2026-000043'));
  },
};

export const FollowFound: Story = {
  name: 'Följ ärende: found',
  args: { view: 'folj', reference: 'EXS-2026-000042' },
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-status-history')).not.toBeNull()),
};

export const FollowNotFound: Story = {
  name: 'Följ ärende: not found',
  args: { view: 'folj', reference: 'EXS-2026-999999' },
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--warning')).not.toBeNull()),
};

export const FollowEmpty: Story = {
  name: 'Följ ärende: no number yet',
  args: { view: 'folj' },
};

export const FollowLoading: Story = {
  name: 'Följ ärende: loading',
  args: { view: 'folj', reference: 'EXS-2026-000042' },
  beforeEach({ msw }) {
    msw.use(http.get(`${open311}/requests/:id.json`, async () => delay('infinite')));
  },
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).textContent).toContain('Hämtar ärendet…')),
};

export const FollowError: Story = {
  name: 'Följ ärende: cannot be loaded',
  args: { view: 'folj', reference: 'EXS-2026-000042' },
  beforeEach({ msw }) {
    msw.use(http.get(`${open311}/requests/:id.json`, () => HttpResponse.error()));
  },
  play: async ({ canvasElement }) =>
    waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--error')?.textContent).toContain('Det gick inte att hämta ärendet'), { timeout: 10000 }),
};

export const English: Story = {
  args: { lang: 'en' },
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

const mine = (kommun: string): Partial<Args> => ({ view: 'mina', kommun });
const rowsShown = (canvasElement: HTMLElement) =>
  waitFor(() => expect(shadow(canvasElement).querySelector('.kk-list__row, .kk-list__empty')).not.toBeNull(), { timeout: 5000 });

/** A logged-in citizen in another browser: the answers come back from the account, not the tab. */
export const DraftFromAccount: Story = {
  name: 'Draft restored from the account',
  args: { kommun: 'kontostad' },
  beforeEach({ msw }) {
    const session = sessionHandlers();
    session.store.set('kontostad/felanmalan', {
      data: {
        version: 1,
        values: { serviceCode: 'klotter', address: 'Parkbänken vid dammen', description: 'Klotter på bänken', attributes: {}, firstName: '', lastName: '', email: '', phone: '' },
        path: ['category', 'place', 'details'],
        hadFiles: false,
      },
      step: 'details',
      revision: 3,
      updatedAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    msw.use(...session.handlers);
  },
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Beskriv felet');
    await waitFor(() => expect(shadow(canvasElement).querySelector<HTMLTextAreaElement>('#kk-fel-description')?.value).toBe('Klotter på bänken'));
  },
};

export const MineLoginGate: Story = {
  name: 'Mina anmälningar: login gate',
  args: mine('exempelstad'),
  play: async ({ canvasElement }) => {
    await page(canvasElement, 'Mina anmälningar');
  },
};

export const MineList: Story = {
  name: 'Mina anmälningar: list',
  beforeEach({ msw }) {
    citizen(msw);
  },
  args: mine('minlistastad'),
  play: async ({ canvasElement }) => rowsShown(canvasElement),
};

export const MineEmpty: Story = {
  name: 'Mina anmälningar: none yet',
  beforeEach({ msw }) {
    citizen(msw, false);
  },
  args: mine('mintomstad'),
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
  args: mine('minfelstad'),
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--error')).not.toBeNull(), { timeout: 10000 }),
};

export const MineDetail: Story = {
  name: 'Mina anmälningar: one report, still editable',
  beforeEach({ msw }) {
    citizen(msw);
  },
  args: mine('mindetaljstad'),
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    shadow(canvasElement).querySelector<HTMLButtonElement>('.kk-list__row')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('[data-kk-edit]')).not.toBeNull());
  },
};

/** Check answers at a gateway that files anonymously with the edit extensions; the play sends it. */
const filed = (kommun: string): Story => ({
  beforeEach({ msw, args }) {
    msw.use(...citizenGateway({ signedIn: () => undefined }).handlers);
    startAt(['category', 'place', 'details', 'contact', 'check'], 'klotter', {})({ args });
  },
  args: { kommun },
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
  beforeEach({ msw, args }) {
    const gateway = citizenGateway({ signedIn: () => undefined });
    msw.use(...gateway.handlers);
    // The gateway's window passes while the citizen writes.
    msw.use(
      http.put(`${api}/api/v1/:kommun/felanmalan/reports/:reference/description`, ({ params }) => {
        gateway.expire(String(params.reference));
        return undefined;
      }),
    );
    startAt(['category', 'place', 'details', 'contact', 'check'], 'klotter', {})({ args });
  },
  args: { kommun: 'sentstad' },
  play: async ({ canvasElement }) => {
    await send(canvasElement);
    await click(canvasElement, 'Ändra beskrivningen');
    await waitFor(() => expect(shadow(canvasElement).getElementById('kk-fel-edit-description')).not.toBeNull());
    await click(canvasElement, 'Spara ändringen');
    await editHeading(canvasElement, 'Det går inte längre att ändra anmälan');
  },
};

export const ConfirmationAfterReload: Story = {
  args: { kommun: 'exempelstad-confirmation-after-reload' },
  name: 'Confirmation after a reload',
  beforeEach({ args }) {
    sessionStorage.setItem(`kommunkit:felanmalan-sent:${args.kommun}`, JSON.stringify({ report: { reference: 'EXS-2026-000043', notice: 'Tack! Din felanmälan har nummer EXS-2026-000043.' } }));
  },
  play: async ({ canvasElement }) =>
    waitFor(() => expect(shadow(canvasElement).querySelector('.kk-panel__reference')?.textContent).toBe('EXS-2026-000043'), { timeout: 5000 }),
};
