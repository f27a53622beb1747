import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { delay, http, HttpResponse } from 'msw';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context
import { expect, waitFor as waitUntil } from 'storybook/test';
import { api, gateway as fakeGateway, invoice, sampleInvoices, type GatewayOptions } from '../test/support.js';
import './define.js';
import type { KkMinaFakturor } from './fakturor.js';

/** The element's attributes, as the editor sets them; the controls change them. */
interface Args {
  api: string;
  kommun: string;
  lang: '' | 'sv' | 'en';
  'heading-level': number;
}

/**
 * `<kk-mina-fakturor>`, a logged-in citizen's invoices against a mocked gateway (MSW, the
 * component tests' handlers from `test/support.ts`): the login gate, loading, an error with
 * "Försök igen", none, the list (overdue, unpaid, paid, a credit note), an open invoice with its
 * payment QR code, the dispute form's error, and an invoice that is not there. Each story has a
 * kommun of its own: the page's SDK client remembers who is logged in per kommun.
 */
const meta: Meta<Args> = {
  title: 'fakturor/Mina fakturor',
  component: 'kk-mina-fakturor',
  args: { api, kommun: 'exempelstad', lang: '', 'heading-level': 2 },
  argTypes: {
    lang: { control: 'inline-radio', options: ['', 'sv', 'en'], description: "The widget's language; empty: the page's (the toolbar's Språk)." },
    'heading-level': { control: 'select', options: [2, 3, 4, 5, 6] },
  },
  render: (args) =>
    html`<kk-mina-fakturor api=${args.api} kommun=${args.kommun} lang=${ifDefined(args.lang || undefined)} heading-level=${args['heading-level']}></kk-mina-fakturor>`,
  parameters: {
    // Each story's gateway and play function need a page of their own (see felanmälan's stories).
    docs: { story: { inline: false, height: '640px' } },
  },
};
export default meta;
type Story = StoryObj<Args>;

// Lazy chunks and a mock worker: on a busy machine a state takes longer than a second to show.
const waitFor: typeof waitUntil = (callback, options) => waitUntil(callback, { timeout: 5000, ...options });
const shadow = (canvasElement: HTMLElement) => canvasElement.querySelector<KkMinaFakturor>('kk-mina-fakturor')!.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const button = (canvasElement: HTMLElement, label: string) => [...shadow(canvasElement).querySelectorAll<HTMLButtonElement>('button')].find((candidate) => text(candidate) === label);

/** Opens the row whose text has `label`, once it shows, and waits for the invoice. */
async function open(canvasElement: HTMLElement, label: string): Promise<void> {
  const row = () => [...shadow(canvasElement).querySelectorAll<HTMLButtonElement>('.kk-list__row')].find((candidate) => text(candidate).includes(label));
  await waitFor(() => expect(row()).toBeDefined());
  row()!.click();
  await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-detail dl')).not.toBeNull());
}

/** A logged-in test person at a gateway with these invoices. */
const gateway =
  (options: GatewayOptions = {}) =>
  ({ msw }: { msw: { use: (...handlers: ReturnType<typeof fakeGateway>['handlers']) => void } }): void =>
    msw.use(...fakeGateway(options).handlers);

/** An anonymous visitor: why to log in, "Logga in med e-legitimation". */
export const LoginGate: Story = {
  name: 'Not logged in: the login gate',
  args: { kommun: 'fa-gate' },
  beforeEach: gateway({ signedIn: false }),
  play: async ({ canvasElement }) => waitFor(() => expect(button(canvasElement, 'Logga in med e-legitimation')).toBeDefined()),
};

/** The invoices are on their way. */
export const Loading: Story = {
  args: { kommun: 'fa-laddar' },
  beforeEach({ msw }) {
    msw.use(...fakeGateway().handlers);
    msw.use(http.get(`${api}/api/v1/:kommun/fakturor/invoices`, () => delay('infinite')));
  },
  play: async ({ canvasElement }) => waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-spinner'))).toBe('Hämtar dina fakturor…')),
};

/** The gateway is down: a message and "Försök igen". */
export const LoadError: Story = {
  name: 'Cannot be loaded, with a retry',
  args: { kommun: 'fa-fel' },
  beforeEach: gateway({ listFails: true }),
  play: async ({ canvasElement }) => waitFor(() => expect(button(canvasElement, 'Försök igen')).toBeDefined(), { timeout: 10000 }),
};

/** No invoices. */
export const Empty: Story = {
  name: 'None',
  args: { kommun: 'fa-tom' },
  beforeEach: gateway({ invoices: [] }),
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-list__empty')).not.toBeNull()),
};

/** Unpaid first (the overdue one on top, "Förfallen" in words), then, under "Alla", the paid one with the credit note under it. */
export const List: Story = {
  name: 'The list: overdue, unpaid, paid and a credit note',
  args: { kommun: 'fa-lista' },
  beforeEach: gateway(),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('.kk-list__row')).toHaveLength(2));
    shadow(canvasElement).querySelector<HTMLInputElement>('input[name="filter"][value="all"]')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelectorAll('.kk-list__row')).toHaveLength(4));
  },
};

/** One invoice: what it is for, OCR and bankgiro to copy, the payment QR code, the PDF, its history. */
export const Invoice: Story = {
  name: 'An invoice, with its payment QR code',
  args: { kommun: 'fa-faktura' },
  beforeEach: gateway({ invoices: [invoice({ label: 'Barnomsorgsavgift december' })] }),
  play: async ({ canvasElement }) => {
    await open(canvasElement, 'Barnomsorgsavgift december');
    await waitFor(() => expect(shadow(canvasElement).querySelector('svg[part="qr"]')).not.toBeNull());
  },
};

/** A paid invoice a credit note credits: no payment part, the credit note named. */
export const Paid: Story = {
  name: 'A paid invoice',
  args: { kommun: 'fa-betald' },
  beforeEach: gateway({ invoices: sampleInvoices().filter((whole) => whole.status === 'paid') }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-list__empty')).not.toBeNull());
    shadow(canvasElement).querySelector<HTMLInputElement>('input[name="filter"][value="paid"]')!.click();
    await open(canvasElement, 'Barnomsorgsavgift oktober');
  },
};

/** "Bestrid faktura" sent empty: the error summary, linked to the field. */
export const DisputeError: Story = {
  name: 'Dispute: the error summary',
  args: { kommun: 'fa-bestrid' },
  beforeEach: gateway({ invoices: [invoice({ label: 'Barnomsorgsavgift december' })] }),
  play: async ({ canvasElement }) => {
    await open(canvasElement, 'Barnomsorgsavgift december');
    button(canvasElement, 'Bestrid faktura')!.click();
    await waitFor(() => expect(button(canvasElement, 'Skicka')).toBeDefined());
    button(canvasElement, 'Skicka')!.click();
    await waitFor(() => expect(shadow(canvasElement).querySelector('[data-kk-error-summary]')).not.toBeNull());
  },
};

/** A dispute sent and answered: both in the history, the invoice marked disputed. */
export const Answered: Story = {
  name: 'Disputed and answered',
  args: { kommun: 'fa-svar' },
  beforeEach: gateway({
    invoices: [
      invoice({
        label: 'Vatten och avfall, kvartal 3',
        disputed: true,
        messages: [
          { id: '7a2b3c4d-5e6f-4a1b-8c2d-900000000001', from: 'citizen', kind: 'bestrid', text: 'Mätarställningen stämmer inte.', at: '2026-11-20T10:00:00.000Z' },
          { id: '7a2b3c4d-5e6f-4a1b-8c2d-900000000002', from: 'kommun', kind: 'svar', text: 'Vi läser av mätaren igen och hör av oss.', at: '2026-11-22T09:00:00.000Z' },
        ],
      }),
    ],
  }),
  play: async ({ canvasElement }) => open(canvasElement, 'Vatten och avfall'),
};

/** An invoice that is not there (or someone else's): a 404 said in words. */
export const NotFound: Story = {
  name: 'An invoice that is not there',
  args: { kommun: 'fa-saknas' },
  beforeEach({ msw }) {
    msw.use(...fakeGateway({ invoices: [invoice({ label: 'Barnomsorgsavgift december' })] }).handlers);
    msw.use(http.get(`${api}/api/v1/:kommun/fakturor/invoices/:id`, () => HttpResponse.json({ type: 'urn:kommunkit:problem:not-found', title: 'Sidan eller uppgiften finns inte', status: 404 }, { status: 404, headers: { 'content-type': 'application/problem+json' } })));
  },
  play: async ({ canvasElement }) => {
    const row = () => shadow(canvasElement).querySelector<HTMLButtonElement>('.kk-list__row');
    await waitFor(() => expect(row()).not.toBeNull());
    row()!.click();
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-detail'))).toContain('Vi hittade inte fakturan'));
  },
};
