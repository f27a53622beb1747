import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context
import { expect, waitFor } from 'storybook/test';
import { api, gatewayDown, gatewayHandlers, gatewayUnavailable, open311, reportFound, submitRejected } from '../test/support.js';
import './define.js';
import type { KkFelanmalan } from './felanmalan.js';
import type { Step } from './flow.js';

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

/** Fills the answers up to `path`'s last page and shows it. */
async function at(canvasElement: HTMLElement, path: Step[], serviceCode = 'gatubelysning'): Promise<KkFelanmalan> {
  const element = widget(canvasElement);
  await element.updateComplete;
  await element.services.taskComplete;
  element.categoryForm.set('serviceCode', serviceCode);
  if (path.length > 2) element.placeForm.set('address', 'Storgatan 12, vid busshållplatsen');
  if (path.length > 3) element.detailsForm.set('description', 'Lampan i stolpen utanför nummer 12 lyser inte sedan en vecka.');
  element.steps.reset(path);
  await element.updateComplete;
  return element;
}

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
  play: async ({ canvasElement }) => {
    await at(canvasElement, ['category', 'place']);
  },
};

export const PlaceNotGiven: Story = {
  name: 'Validation error: no place',
  play: async ({ canvasElement }) => {
    const element = await at(canvasElement, ['category', 'place']);
    shadow(canvasElement).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await element.updateComplete;
    await expect(shadow(canvasElement).querySelector('[data-kk-error-summary]')).not.toBeNull();
  },
};

/** A 1×1 tile, so the map draws without any outside connection. */
const tile = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

export const PlaceWithMap: Story = {
  beforeEach({ msw }) {
    msw.use(...gatewayHandlers({ map: { tileUrl: tile, attribution: '© Exempelstads kommun', center: [59.33, 18.06], zoom: 15 } }));
  },
  play: async ({ canvasElement }) => {
    const element = await at(canvasElement, ['category', 'place']);
    element.setPosition({ lat: 59.3301, long: 18.0602 });
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-map .leaflet-marker-icon')).not.toBeNull(), { timeout: 5000 });
  },
};

export const Nearby: Story = {
  name: 'Reports nearby',
  beforeEach({ msw }) {
    msw.use(...gatewayHandlers({ nearby: [reportFound] }));
  },
  play: async ({ canvasElement }) => {
    const element = await at(canvasElement, ['category', 'place']);
    element.setPosition({ lat: 59.33, long: 18.06 });
    await element.submitPlace();
    await element.updateComplete;
    await expect(element.steps.current).toBe('nearby');
  },
};

export const Details: Story = {
  name: 'Description, extra question and photos',
  play: async ({ canvasElement }) => {
    const element = await at(canvasElement, ['category', 'place', 'details']);
    await waitFor(() => expect(shadow(canvasElement).getElementById('kk-fel-attr_lamp_number')).not.toBeNull());
    await element.updateComplete;
  },
};

export const DescriptionMissing: Story = {
  name: 'Validation error: no description',
  play: async ({ canvasElement }) => {
    const element = await at(canvasElement, ['category', 'place', 'details'], 'klotter');
    shadow(canvasElement).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await element.updateComplete;
    await expect(shadow(canvasElement).querySelector('[data-kk-error-summary]')).not.toBeNull();
  },
};

export const Contact: Story = {
  play: async ({ canvasElement }) => {
    await at(canvasElement, ['category', 'place', 'details', 'contact']);
  },
};

export const ContactInvalid: Story = {
  name: 'Validation error: e-mail in the wrong format',
  play: async ({ canvasElement }) => {
    const element = await at(canvasElement, ['category', 'place', 'details', 'contact']);
    element.contactForm.set('email', 'anna@');
    shadow(canvasElement).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await element.updateComplete;
    await expect(shadow(canvasElement).querySelector('[data-kk-error-summary]')).not.toBeNull();
  },
};

export const Check: Story = {
  name: 'Check answers',
  play: async ({ canvasElement }) => {
    const element = await at(canvasElement, ['category', 'place', 'details', 'contact', 'check']);
    element.contactForm.set('firstName', 'Anna');
    element.contactForm.set('email', 'anna@exempel.se');
    await element.updateComplete;
  },
};

export const SubmitFailed: Story = {
  name: 'Submit failed: gateway down',
  beforeEach({ msw }) {
    msw.use(http.post(`${open311}/requests.json`, () => HttpResponse.error()));
  },
  play: async ({ canvasElement }) => {
    const element = await at(canvasElement, ['category', 'place', 'details', 'contact', 'check'], 'klotter');
    await element.submitReport();
    await element.updateComplete;
    await expect(shadow(canvasElement).querySelector('.kk-alert--error')).not.toBeNull();
  },
};

export const SubmitRejected: Story = {
  name: 'Submit refused: field error from the gateway',
  beforeEach({ msw }) {
    msw.use(...submitRejected);
  },
  play: async ({ canvasElement }) => {
    const element = await at(canvasElement, ['category', 'place', 'details', 'contact', 'check'], 'klotter');
    await element.submitReport();
    await element.updateComplete;
    await expect(element.steps.current).toBe('details');
    await expect(shadow(canvasElement).querySelector('[data-kk-error-summary]')).not.toBeNull();
  },
};

export const Submitted: Story = {
  play: async ({ canvasElement }) => {
    const element = await at(canvasElement, ['category', 'place', 'details', 'contact', 'check'], 'klotter');
    await element.submitReport();
    await element.updateComplete;
    await expect(shadow(canvasElement).querySelector('.kk-panel__reference')?.textContent).toBe('EXS-2026-000043');
  },
};

export const FollowFound: Story = {
  name: 'Följ ärende: found',
  render: () => html`<kk-felanmalan api=${api} kommun="exempelstad" view="folj" reference="EXS-2026-000042"></kk-felanmalan>`,
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-history')).not.toBeNull()),
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
