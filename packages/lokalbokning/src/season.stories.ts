import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context
import { expect, waitFor as waitUntil } from 'storybook/test';
import { decidedRequest, mineApi, mineGateway, mineUnavailable, type MineGatewayOptions } from '../test/support-mine.js';
import './define.js';
import type { KkLokalbokning } from './lokalbokning.js';

/** The element's attributes, as the editor sets them; the controls change them. */
interface Args {
  api: string;
  kommun: string;
  view: 'sok' | 'mina' | 'sasong';
  lang: '' | 'sv' | 'en';
  'heading-level': number;
}

/**
 * `<kk-lokalbokning view="sasong">`, a förening's season request against a mocked gateway (MSW,
 * `test/support-mine.ts`): the login gate, the gate for someone who represents no förening, the
 * form with earlier requests, its errors in the summary, the occurrences that collide after
 * "Visa vilka tider som krockar", the receipt, and a gateway that fails. Each story has a kommun
 * of its own: the page's SDK client remembers who is logged in per kommun.
 */
const meta: Meta<Args> = {
  title: 'lokalbokning/Säsongsansökan',
  component: 'kk-lokalbokning',
  args: { api: mineApi, kommun: 'exempelstad', view: 'sasong', lang: '', 'heading-level': 2 },
  argTypes: {
    view: { control: 'inline-radio', options: ['sok', 'mina', 'sasong'] },
    lang: { control: 'inline-radio', options: ['', 'sv', 'en'], description: "The widget's language; empty: the page's (the toolbar's Språk)." },
    'heading-level': { control: 'select', options: [2, 3, 4, 5, 6] },
  },
  render: (args) =>
    html`<kk-lokalbokning
      api=${args.api}
      kommun=${args.kommun}
      view=${args.view}
      lang=${ifDefined(args.lang || undefined)}
      heading-level=${args['heading-level']}
    ></kk-lokalbokning>`,
  parameters: {
    // Each story's gateway and play function need a page of their own (see felanmälan's stories).
    docs: { story: { inline: false, height: '560px' } },
  },
};
export default meta;
type Story = StoryObj<Args>;

const waitFor: typeof waitUntil = (callback, options) => waitUntil(callback, { timeout: 5000, ...options });
const widget = (canvasElement: HTMLElement) => canvasElement.querySelector<KkLokalbokning>('kk-lokalbokning')!;
const shadow = (canvasElement: HTMLElement) => widget(canvasElement).shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';

async function click(canvasElement: HTMLElement, label: string): Promise<void> {
  const find = () => [...shadow(canvasElement).querySelectorAll<HTMLButtonElement>('button')].find((candidate) => text(candidate) === label);
  await waitFor(() => expect(find()).toBeDefined());
  find()!.click();
  await widget(canvasElement).updateComplete;
}

/** Sets a field of the form as the citizen would (`input`, or `change` for a select). */
async function set(canvasElement: HTMLElement, name: string, value: string): Promise<void> {
  const field = shadow(canvasElement).getElementById(`kk-lb-season-${name}`) as HTMLInputElement | HTMLSelectElement;
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
  await widget(canvasElement).updateComplete;
}

const formShown = (canvasElement: HTMLElement) => waitFor(() => expect(shadow(canvasElement).getElementById('kk-lb-season-lokalId')).not.toBeNull());

/** Next year's Tuesdays from 12 January to 2 February, 18:00–19:30, with one taken. */
const year = new Date().getFullYear() + 1;
const tuesday = (date: number) => String(new Date(Date.UTC(year, 0, date)).getUTCDay() || 7);

async function fillForm(canvasElement: HTMLElement): Promise<void> {
  await formShown(canvasElement);
  await set(canvasElement, 'lokalId', 'sporthallen');
  await set(canvasElement, 'weekday', tuesday(12));
  await set(canvasElement, 'startTime', '18:00');
  await set(canvasElement, 'endTime', '19:30');
  await set(canvasElement, 'fromDate', `${year}-01-12`);
  await set(canvasElement, 'toDate', `${year}-02-02`);
  await set(canvasElement, 'purpose', 'Innebandyträning för ungdomar');
  shadow(canvasElement).querySelector<HTMLInputElement>('#kk-lb-season-acceptTerms')!.click();
  await widget(canvasElement).updateComplete;
}

const gateway =
  (options: MineGatewayOptions = {}) =>
  ({ msw }: { msw: { use: (...handlers: ReturnType<typeof mineGateway>['handlers']) => void } }): void =>
    msw.use(...mineGateway(options).handlers);

const conflicts = { [`${year}-01-19`]: 'bokad' as const, [`${year}-01-26`]: 'stangt' as const };

/** An anonymous visitor: why to log in, and "Logga in med e-legitimation". */
export const LoginGate: Story = {
  name: 'Not logged in: the login gate',
  args: { kommun: 'sasong-gate' },
  beforeEach: gateway({ signedIn: false }),
  play: async ({ canvasElement }) =>
    waitFor(() => expect([...shadow(canvasElement).querySelectorAll('button')].some((button) => text(button) === 'Logga in med e-legitimation')).toBe(true)),
};

/** Logged in, but representing no förening: only a förening's representative can ask for season times. */
export const NoForening: Story = {
  name: 'Logged in without a förening',
  args: { kommun: 'sasong-ingen-forening' },
  beforeEach: gateway({ foreningar: [] }),
  play: async ({ canvasElement }) => waitFor(() => expect(text(shadow(canvasElement).querySelector('p:nth-of-type(2)'))).toContain('Vi hittar ingen förening')),
};

/** The form, with the förening's earlier, decided request under it. */
export const Form: Story = {
  name: 'The form',
  args: { kommun: 'sasong-formular' },
  beforeEach: gateway({ requests: [decidedRequest()] }),
  play: async ({ canvasElement }) => {
    await formShown(canvasElement);
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-lb-request')).not.toBeNull());
  },
};

/** Sent empty: the error summary, with focus, each error linked to its field. */
export const FieldErrors: Story = {
  name: 'Field errors with the error summary',
  args: { kommun: 'sasong-fel' },
  beforeEach: gateway(),
  play: async ({ canvasElement }) => {
    await formShown(canvasElement);
    await set(canvasElement, 'startTime', '19');
    await set(canvasElement, 'endTime', '18:00');
    await click(canvasElement, 'Visa vilka tider som krockar');
    await waitFor(() => expect(shadow(canvasElement).activeElement).toBe(shadow(canvasElement).querySelector('[data-kk-error-summary]')));
  },
};

/** After "Visa vilka tider som krockar": every occurrence, the ones that collide with the reason. */
export const Conflicts: Story = {
  name: 'The conflicts before sending',
  args: { kommun: 'sasong-krockar' },
  beforeEach: gateway({ conflicts }),
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement);
    await click(canvasElement, 'Visa vilka tider som krockar');
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('.kk-lb-occurrence--conflict')).toHaveLength(2));
  },
};

/** Sent: the receipt with the reference, and the request in the list. */
export const Sent: Story = {
  name: 'Sent: the receipt',
  args: { kommun: 'sasong-skickad' },
  beforeEach: gateway({ conflicts }),
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement);
    await click(canvasElement, 'Visa vilka tider som krockar');
    await click(canvasElement, 'Skicka ansökan');
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-panel__reference'))).toBe('EXS-S-2026-000001'));
  },
};

/** The gateway does not answer the preview: a message over the form; the answers stay. */
export const GatewayError: Story = {
  name: 'Gateway error',
  args: { kommun: 'sasong-natfel' },
  beforeEach({ msw }) {
    msw.use(...mineGateway().handlers);
    msw.use(...mineUnavailable('season-requests/preview'));
  },
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement);
    await click(canvasElement, 'Visa vilka tider som krockar');
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--error')).not.toBeNull(), { timeout: 10000 });
  },
};

/** The föreningar and lokaler cannot be fetched: a message and "Försök igen". */
export const SetupError: Story = {
  name: 'Föreningar cannot be loaded',
  args: { kommun: 'sasong-laddfel' },
  beforeEach({ msw }) {
    msw.use(...mineGateway().handlers);
    msw.use(...mineUnavailable('foreningar'));
  },
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--error')).not.toBeNull(), { timeout: 10000 }),
};

/** In English. */
export const English: Story = {
  args: { kommun: 'sasong-engelska', lang: 'en' },
  beforeEach: gateway({ requests: [decidedRequest()] }),
  play: async ({ canvasElement }) => formShown(canvasElement),
};
