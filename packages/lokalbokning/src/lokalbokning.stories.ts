import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context
import { api, handlers } from '../test/support.js';
import './define.js';

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
 * of free times, the login gate, the book form with a time taken meanwhile, and the receipt.
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

/** A lokal, logged in, where the booking answers 409: choose a time and book to see the alternatives. */
export const TimeTaken: Story = { args: { lokal: 'norrhallen', api: 'http://taken.test' }, beforeEach: ({ msw }) => msw.use(...handlers({ loggedIn: true, book: 'taken', base: 'http://taken.test' })) };

/** Logged in, booking succeeds: choose a time and book to see the receipt. */
export const Booked: Story = { args: { lokal: 'norrhallen', api: 'http://booked.test' }, beforeEach: ({ msw }) => msw.use(...handlers({ loggedIn: true, book: 'ok', base: 'http://booked.test' })) };

/** English. */
export const English: Story = { args: { lokal: 'norrhallen', lang: 'en' } };
