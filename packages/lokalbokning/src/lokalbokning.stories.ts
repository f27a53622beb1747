import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context
import { expect, waitFor as waitUntil } from 'storybook/test';
import { api, handlers, sporthall } from '../test/support.js';
import './define.js';
import type { KkLokalbokning } from './lokalbokning.js';

/** The element's attributes, as the editor sets them; the controls change them. */
interface Args {
  api: string;
  kommun: string;
  view: 'sok' | 'mina' | 'sasong';
  lokal: string;
  lang: '' | 'sv' | 'en';
  'heading-level': number;
}

/**
 * `<kk-lokalbokning>`'s find-and-book flow against a mocked gateway (MSW, the component tests'
 * handlers from `test/support.ts`): results, an empty and a failing search, a lokal with its week
 * of free times, a lokal that cannot be loaded or does not exist, the login gate, the book form
 * (as a förening too) with a field the gateway refused and a time taken meanwhile, and the receipt.
 * Stories with a gateway of their own (`api`) are logged in: the SDK keeps one login state per gateway.
 */
const meta: Meta<Args> = {
  title: 'lokalbokning/kk-lokalbokning',
  component: 'kk-lokalbokning',
  beforeEach({ msw, args }) {
    for (const key of Object.keys(sessionStorage)) if (key.endsWith(`:${args.kommun}`)) sessionStorage.removeItem(key);
    msw.use(...handlers());
  },
  args: { api, kommun: 'exempelstad', view: 'sok', lokal: '', lang: '', 'heading-level': 2 },
  argTypes: {
    view: { control: 'inline-radio', options: ['sok', 'mina', 'sasong'] },
    lang: { control: 'inline-radio', options: ['', 'sv', 'en'] },
    'heading-level': { control: 'select', options: [2, 3, 4, 5, 6] },
  },
  render: (args) =>
    html`<kk-lokalbokning
      api=${args.api}
      kommun=${args.kommun}
      view=${args.view}
      lokal=${args.lokal}
      lang=${args.lang}
      heading-level=${args['heading-level']}
    ></kk-lokalbokning>`,
};
export default meta;
type Story = StoryObj<Args>;

// Lazy chunks and a mock worker: on a busy machine a state takes longer than a second to show.
const waitFor: typeof waitUntil = (callback, options) => waitUntil(callback, { timeout: 5000, ...options });
const widget = (canvasElement: HTMLElement) => canvasElement.querySelector<KkLokalbokning>('kk-lokalbokning')!;
const shadow = (canvasElement: HTMLElement) => widget(canvasElement).shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';

/** Clicks the button whose text is `label`, or starts with it, once it shows. */
async function click(canvasElement: HTMLElement, label: string): Promise<void> {
  const buttons = () => [...shadow(canvasElement).querySelectorAll<HTMLButtonElement>('button')];
  const find = () => buttons().find((candidate) => text(candidate) === label) ?? buttons().find((candidate) => text(candidate).startsWith(label));
  await waitFor(() => expect(find()).toBeDefined());
  find()!.click();
  await widget(canvasElement).updateComplete;
}

/** From the lokal page: the next free time, "Boka vald tid", and the book form. */
async function bookForm(canvasElement: HTMLElement): Promise<void> {
  await click(canvasElement, 'Nästa lediga tid');
  await waitFor(() => expect(shadow(canvasElement).querySelector('[aria-selected=true]')).not.toBeNull());
  await click(canvasElement, 'Boka vald tid');
  await waitFor(() => expect(shadow(canvasElement).getElementById('kk-lok-purpose')).not.toBeNull());
}

/** Fills the book form's purpose, ticks the terms and books. */
async function book(canvasElement: HTMLElement, answers: { attendees?: string } = {}): Promise<void> {
  const set = (id: string, value: string) => {
    const field = shadow(canvasElement).getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
    field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
  set('kk-lok-purpose', 'Innebandyträning');
  if (answers.attendees) set('kk-lok-attendees', answers.attendees);
  shadow(canvasElement).querySelector<HTMLInputElement>('#kk-lok-terms')!.click();
  await widget(canvasElement).updateComplete;
  await click(canvasElement, 'Boka');
}

/** The find page with every lokal listed. */
export const Results: Story = {};

/** No lokal matches. */
export const EmptyResults: Story = { beforeEach: ({ msw }) => msw.use(...handlers({ lokaler: [] })) };

/** The search failed: a message and "Försök igen". */
export const SearchError: Story = { beforeEach: ({ msw }) => msw.use(...handlers({ failSearch: true })) };

/** A lokal: facts, prices with VAT, the rules in words, the week grid and the same times as a list. */
export const Lokal: Story = { args: { lokal: 'norrhallen' } };

/** A lokal that needs the kommun's approval and cannot be cancelled by the citizen. */
export const NeedsApproval: Story = { args: { lokal: 'motesrum-a' } };

/** The results a page at a time: 25 lokaler, ten a page. */
export const ResultsPages: Story = {
  name: 'Results on several pages',
  beforeEach: ({ msw }) => msw.use(...handlers({ lokaler: Array.from({ length: 25 }, (_, index) => ({ ...sporthall, id: `hall-${String(index + 1)}`, name: `Idrottshall ${String(index + 1)}` })) })),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-pager')).not.toBeNull());
    await click(canvasElement, 'Nästa sida');
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-lok-result__name'))).toBe('Idrottshall 11'));
  },
};

/** The lokal cannot be fetched: a message and "Försök igen". */
export const LokalError: Story = {
  name: 'Lokal cannot be loaded',
  args: { lokal: 'norrhallen' },
  beforeEach: ({ msw }) =>
    msw.use(
      http.get(`${api}/api/v1/:kommun/lokalbokning/lokaler/:id`, () =>
        HttpResponse.json({ type: 'urn:kommunkit:problem:internal', title: 'Internt fel', status: 500 }, { status: 500, headers: { 'content-type': 'application/problem+json' } }),
      ),
    ),
  play: async ({ canvasElement }) => waitFor(() => expect(text(shadow(canvasElement).querySelector('[data-kk-focus-target]'))).toBe('Lokalen kunde inte visas'), { timeout: 10000 }),
};

/** A `lokal` attribute the kommun does not have. */
export const LokalNotFound: Story = {
  name: 'Lokal not found',
  args: { lokal: 'finns-inte' },
  play: async ({ canvasElement }) => waitFor(() => expect(text(shadow(canvasElement).querySelector('[data-kk-focus-target]'))).toBe('Lokalen finns inte')),
};

/** Logged in: the book form for the next free time, with the price. */
export const BookForm: Story = {
  name: 'Book: the form',
  args: { lokal: 'norrhallen', api: 'http://form.test' },
  beforeEach: ({ msw }) => msw.use(...handlers({ loggedIn: true, book: 'ok', base: 'http://form.test' })),
  play: async ({ canvasElement }) => bookForm(canvasElement),
};

/** Booking for a förening the citizen represents: "Vem bokar?", and the förening's price. */
export const AsForening: Story = {
  name: 'Book: as a förening',
  args: { lokal: 'norrhallen', api: 'http://forening.test' },
  beforeEach: ({ msw }) => msw.use(...handlers({ loggedIn: true, book: 'ok', base: 'http://forening.test' })),
  play: async ({ canvasElement }) => {
    await bookForm(canvasElement);
    await waitFor(() => expect(shadow(canvasElement).querySelector('input[type=radio][value="802000-1234"]')).not.toBeNull());
    shadow(canvasElement).querySelector<HTMLInputElement>('input[type=radio][value="802000-1234"]')!.click();
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('.kk-lok-price'))).toMatch(/159/));
  },
};

/** The gateway refused a field (422): its message at the field and in the error summary. */
export const FieldRefused: Story = {
  name: 'Book: a field refused by the gateway (422)',
  args: { lokal: 'norrhallen', api: 'http://invalid.test' },
  beforeEach: ({ msw }) => msw.use(...handlers({ loggedIn: true, book: 'invalid', base: 'http://invalid.test' })),
  play: async ({ canvasElement }) => {
    await bookForm(canvasElement);
    await book(canvasElement, { attendees: '40' });
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('#kk-lok-attendees-error'))).toContain('Lokalen rymmer högst 60 personer.'));
  },
};

/** The time was taken meanwhile (409): the nearest free times to choose from. */
export const TimeTaken: Story = {
  name: 'Book: time taken meanwhile (409), with alternatives',
  args: { lokal: 'norrhallen', api: 'http://taken.test' },
  beforeEach: ({ msw }) => msw.use(...handlers({ loggedIn: true, book: 'taken', base: 'http://taken.test' })),
  play: async ({ canvasElement }) => {
    await bookForm(canvasElement);
    await book(canvasElement);
    await waitFor(() => expect(shadow(canvasElement).querySelector('.kk-lok-alternatives button')).not.toBeNull());
  },
};

/** Booked: the receipt with the reference and the `.ics` link. */
export const Booked: Story = {
  name: 'Book: the receipt',
  args: { lokal: 'norrhallen', api: 'http://booked.test' },
  beforeEach: ({ msw }) => msw.use(...handlers({ loggedIn: true, book: 'ok', base: 'http://booked.test' })),
  play: async ({ canvasElement }) => {
    await bookForm(canvasElement);
    await book(canvasElement);
    await waitFor(() => expect(text(shadow(canvasElement).querySelector('[data-kk-focus-target]'))).toBe('Din bokning är bekräftad'));
  },
};

/** English. */
export const English: Story = { args: { lokal: 'norrhallen', lang: 'en' } };
