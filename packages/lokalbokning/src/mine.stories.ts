import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { delay, http } from 'msw';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context
import { expect, waitFor as waitUntil } from 'storybook/test';
import { booking, fromNow, mineApi, mineGateway, mineUnavailable, type MineGatewayOptions } from '../test/support-mine.js';
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

const day = 86_400_000;

/**
 * `<kk-lokalbokning view="mina">`, "Mina bokningar": a logged-in citizen's bookings against a
 * mocked gateway (MSW, the component tests' handlers from `test/support-mine.ts`): the login
 * gate, loading, an error with "Försök igen", none yet, every status, cancelling (the deadline
 * explained when it has passed, the confirm step, cancelled), pages, and the calendar feed.
 * Each story has a kommun of its own: the page's SDK client remembers who is logged in per kommun.
 */
const meta: Meta<Args> = {
  title: 'lokalbokning/Mina bokningar',
  component: 'kk-lokalbokning',
  args: { api: mineApi, kommun: 'exempelstad', view: 'mina', lang: '', 'heading-level': 2 },
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

// Lazy chunks and a mock worker: on a busy machine a state takes longer than a second to show.
const waitFor: typeof waitUntil = (callback, options) => waitUntil(callback, { timeout: 5000, ...options });
const shadow = (canvasElement: HTMLElement) => canvasElement.querySelector<KkLokalbokning>('kk-lokalbokning')!.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';

/** Clicks the button named `label`, once it shows. */
async function click(canvasElement: HTMLElement, label: string): Promise<void> {
  const buttons = () => [...shadow(canvasElement).querySelectorAll<HTMLButtonElement>('button')];
  // Exactly the label, else one that starts with it ("Nästa sida ›").
  const find = () => buttons().find((candidate) => text(candidate) === label) ?? buttons().find((candidate) => text(candidate).startsWith(label));
  await waitFor(() => expect(find()).toBeDefined());
  find()!.click();
}

/** Opens the first row of the list, once it shows. */
async function openFirst(canvasElement: HTMLElement): Promise<void> {
  await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-list__row')).not.toBeNull());
  shadow(canvasElement).querySelector<HTMLButtonElement>('.kk-list__row')!.click();
  await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-detail')).not.toBeNull());
}

const rowsShown = (canvasElement: HTMLElement) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-list__row, .kk-list__empty')).not.toBeNull());

/** A logged-in test person at a gateway with these bookings. */
const gateway =
  (options: MineGatewayOptions = {}) =>
  ({ msw }: { msw: { use: (...handlers: ReturnType<typeof mineGateway>['handlers']) => void } }): void =>
    msw.use(...mineGateway(options).handlers);

/** An anonymous visitor: the heading, why to log in, "Logga in med e-legitimation". */
export const LoginGate: Story = {
  name: 'Not logged in: the login gate',
  args: { kommun: 'mina-gate' },
  beforeEach: gateway({ signedIn: false }),
  play: async ({ canvasElement }) =>
    waitFor(() => expect([...shadow(canvasElement).querySelectorAll('button')].some((button) => text(button) === 'Logga in med e-legitimation')).toBe(true)),
};

/** The bookings are on their way. */
export const Loading: Story = {
  args: { kommun: 'mina-laddar' },
  beforeEach({ msw }) {
    msw.use(...mineGateway().handlers);
    msw.use(http.get(`${mineApi}/api/v1/:kommun/lokalbokning/bookings/mine`, () => delay('infinite')));
  },
  play: async ({ canvasElement }) => waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-spinner'))).toBe('Hämtar dina bokningar…')),
};

/** The gateway is down: a message and "Försök igen". */
export const LoadError: Story = {
  name: 'Cannot be loaded, with a retry',
  args: { kommun: 'mina-fel' },
  beforeEach({ msw }) {
    // Handlers used later come first.
    msw.use(...mineGateway().handlers);
    msw.use(...mineUnavailable('bookings/mine'));
  },
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-alert--error')).not.toBeNull(), { timeout: 10000 }),
};

/** No bookings yet. */
export const Empty: Story = {
  name: 'None yet',
  args: { kommun: 'mina-tom' },
  beforeEach: gateway({ bookings: [] }),
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelector('.kk-list__empty')).not.toBeNull()),
};

/** Every status: preliminär (waiting for the kommun), bekräftad, avböjd, avbokad; upcoming first. */
export const Statuses: Story = {
  name: 'List with every status',
  args: { kommun: 'mina-status' },
  beforeEach({ msw }) {
    msw.use(
      ...mineGateway({
        bookings: [
          booking({ status: 'preliminar', lokalName: 'Mötesrum A, Stadshuset', start: fromNow(5 * day), history: [{ status: 'preliminar', at: fromNow(-day) }] }),
          booking({ start: fromNow(2 * day) }),
          booking({
            status: 'avbojd',
            lokalName: 'Festsalen, Medborgarhuset',
            start: fromNow(12 * day),
            cancellableUntil: null,
            history: [
              { status: 'preliminar', at: fromNow(-3 * day) },
              { status: 'avbojd', at: fromNow(-day), note: 'Salen är upptagen av kommunens eget evenemang.' },
            ],
          }),
          booking({
            status: 'avbokad',
            start: fromNow(8 * day),
            cancellableUntil: null,
            history: [
              { status: 'bekraftad', at: fromNow(-4 * day) },
              { status: 'avbokad', at: fromNow(-2 * day) },
            ],
          }),
          booking({ start: fromNow(-20 * day), lokalName: 'Konstgräsplanen' }),
        ],
      }).handlers,
    );
  },
  play: async ({ canvasElement }) => waitFor(() => expect(shadow(canvasElement).querySelectorAll('.kk-list__row')).toHaveLength(5)),
};

/** An open booking that can still be cancelled: its price, history, `.ics` and "Avboka". */
export const Detail: Story = {
  name: 'One booking, cancellable',
  args: { kommun: 'mina-detalj' },
  beforeEach: gateway({ bookings: [booking()] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('[data-kk-cancel]'))).toContain('Du kan avboka fram till'));
  },
};

/** The cancel deadline has passed: the time it passed and whom to call, instead of a button. */
export const DeadlinePassed: Story = {
  name: 'Cancel deadline passed',
  args: { kommun: 'mina-for-sent' },
  beforeEach: gateway({ bookings: [booking({ start: fromNow(10 * 3_600_000), cancellableUntil: fromNow(-14 * 3_600_000) })] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('[data-kk-cancel]'))).toContain('Avbokningstiden gick ut'));
  },
};

/** A lokal the citizen cannot cancel on the web (`cancellableUntil` null). */
export const NotOnWeb: Story = {
  name: 'Not cancellable on the web',
  args: { kommun: 'mina-inte-webb' },
  beforeEach: gateway({ bookings: [booking({ status: 'preliminar', cancellableUntil: null, history: [{ status: 'preliminar', at: fromNow(-day) }] })] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('[data-kk-cancel]'))).toContain('kan inte avbokas på webben'));
  },
};

/** "Vill du avboka …?": the confirm step, with focus on its heading. */
export const CancelConfirm: Story = {
  name: 'Cancel: the confirm step',
  args: { kommun: 'mina-fraga' },
  beforeEach: gateway({ bookings: [booking()] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await click(canvasElement, 'Avboka');
    await waitFor(() => expect(text(shadow(canvasElement).activeElement)).toContain('Vill du avboka'));
  },
};

/** Cancelled: the notice (announced), the status now Avbokad. */
export const Cancelled: Story = {
  name: 'Cancel: cancelled',
  args: { kommun: 'mina-avbokad' },
  beforeEach: gateway({ bookings: [booking()] }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await click(canvasElement, 'Avboka');
    await click(canvasElement, 'Ja, avboka');
    await waitFor(() => expect(text(shadow(canvasElement).activeElement)).toBe('Bokningen är avbokad'));
  },
};

/** The kommun refused the cancel (409): its reason and whom to contact. */
export const CancelRefused: Story = {
  name: 'Cancel: refused by the kommun',
  args: { kommun: 'mina-nekad' },
  beforeEach: gateway({ bookings: [booking()], refuseCancel: 'Avbokningstiden har gått ut.' }),
  play: async ({ canvasElement }) => {
    await openFirst(canvasElement);
    await click(canvasElement, 'Avboka');
    await click(canvasElement, 'Ja, avboka');
    await waitFor(() => expect(text(shadow(canvasElement).activeElement)).toBe('Bokningen kunde inte avbokas'));
  },
};

/** 25 bookings, ten a page: "Föregående", page numbers, "Nästa". */
export const Pages: Story = {
  name: 'Several pages',
  args: { kommun: 'mina-sidor' },
  beforeEach: gateway({ bookings: Array.from({ length: 25 }, (_, index) => booking({ start: fromNow((index + 2) * day) })) }),
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-pager')).not.toBeNull());
    await click(canvasElement, 'Nästa sida');
    await waitFor(() => expect(shadow(canvasElement).querySelector('[aria-current=page]')?.textContent.trim()).toBe('2'));
  },
};

/** "Prenumerera i din kalender": the private address made, with "Kopiera adressen" (copied and announced). */
export const CalendarFeed: Story = {
  name: 'Calendar feed: the address with a copy button',
  args: { kommun: 'mina-kalender' },
  beforeEach: gateway({ bookings: [booking()] }),
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    await click(canvasElement, 'Skapa kalenderadress');
    await waitFor(() => expect(shadow(canvasElement).querySelector<HTMLInputElement>('#kk-lb-feed-url')?.value).toContain('/calendar-feed/'));
    await click(canvasElement, 'Kopiera adressen');
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-lb-copied')).not.toBeNull());
  },
};

/** In English. */
export const English: Story = {
  args: { kommun: 'mina-engelska', lang: 'en' },
  beforeEach: gateway({ bookings: [booking(), booking({ status: 'preliminar', start: fromNow(6 * day) })] }),
  play: async ({ canvasElement }) => waitFor(() => expect(text(shadow(canvasElement).querySelector('h2'))).toBe('My bookings')),
};
