import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context
import { expect, waitFor } from 'storybook/test';
import { api, gatewayDown, gatewayHandlers, gatewayUnavailable, open311, reportFound, seedDraft, submitRejected } from '../test/support.js';
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
