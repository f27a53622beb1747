import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type {} from 'msw-storybook-addon/csf3'; // types `msw` in the story context
import { api } from '../test/support.js';
import { mapHandlers } from '../test/support-map.js';
import './define.js';

interface Args {
  api: string;
  lang: '' | 'sv' | 'en';
}

/**
 * The find page's results on the kommun's map ("Visa på karta"): the map's chunk loads when it is
 * chosen, one marker per lokal with a place (Tab to it, Enter opens the lokal), and the list stays
 * beside it. Tiles are a grey placeholder image in the stories: only markers and behaviour show.
 */
const meta: Meta<Args> = {
  title: 'lokalbokning/find map',
  component: 'kk-lokalbokning',
  beforeEach({ msw }) {
    msw.use(...mapHandlers(), ...mapHandlers({ base: 'http://no-map.test', map: false }));
  },
  args: { api, lang: '' },
  argTypes: { lang: { control: 'inline-radio', options: ['', 'sv', 'en'] } },
  render: (args) => html`<kk-lokalbokning api=${args.api} kommun="exempelstad" lang=${args.lang}></kk-lokalbokning>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The results with "Visa på karta" (the map hidden until chosen). */
export const ResultsWithMapChoice: Story = {};

/** The map shown: two markers, and a note for the lokal without a place. */
export const MapShown: Story = {
  async play({ canvasElement }) {
    const el = canvasElement.querySelector('kk-lokalbokning')!;
    for (let i = 0; i < 50 && !el.shadowRoot?.querySelector('.kk-lok-map-toggle'); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    el.shadowRoot?.querySelector<HTMLButtonElement>('.kk-lok-map-toggle')?.click();
  },
};

/** English. */
export const English: Story = { args: { lang: 'en' }, play: MapShown.play! };

/** A kommun without a map: the list only, no map choice. */
export const KommunWithoutMap: Story = { args: { api: 'http://no-map.test' } };
