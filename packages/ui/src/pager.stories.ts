import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent } from 'storybook/test';
import type { KkTestHost } from '../test/host.js';
import '../test/host.js';
import { heading } from './heading.js';
import { pager } from './pager.js';

interface Args {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
}

/**
 * A numbered pager that changes page and moves focus to the list heading, as a widget does.
 * The page lives in the story, so the buttons really page.
 */
function numbered({ page: start, pageCount, onPage }: Args, lang = 'sv') {
  let page = start;
  return html`<kk-test-host
    lang=${lang}
    .template=${(host: KkTestHost) => html`${heading({ level: 2, id: 'fakturor', focusTarget: true }, 'Mina fakturor')}
      <p>Sida ${page} av ${pageCount}</p>
      ${pager({
        page,
        pageCount,
        focus: { host, id: 'fakturor' },
        onPage: (n) => {
          page = n;
          onPage(n);
          host.requestUpdate();
        },
      })}`}
  ></kk-test-host>`;
}

/** GOV.UK pagination: "Föregående", page numbers with ellipses, "Nästa"; buttons, since the page changes inside the widget. */
const meta: Meta<Args> = {
  title: 'ui/Pager',
  args: { page: 1, pageCount: 10, onPage: fn() },
  render: (args) => numbered(args),
};
export default meta;

type Story = StoryObj<Args>;

export const FirstPage: Story = {
  play: async ({ canvasElement, args }) => {
    const host = canvasElement.querySelector('kk-test-host')!;
    await host.updateComplete;
    const next = host.shadowRoot!.querySelector<HTMLButtonElement>('.kk-pager__next button')!;
    await userEvent.click(next);
    await expect(args.onPage).toHaveBeenCalledWith(2);
    await host.updateComplete;
    await expect(host.shadowRoot!.activeElement?.id).toBe('fakturor');
  },
};

export const MiddlePage: Story = { args: { page: 5 } };

export const LastPage: Story = { args: { page: 10 } };

export const FewPages: Story = { args: { page: 2, pageCount: 3 } };

/** A single page: no pager at all. */
export const OnePage: Story = { args: { page: 1, pageCount: 1 } };

/** A list read by cursor knows only whether there is a previous and a next page (no page number to control). */
export const Cursor: Story = {
  parameters: { controls: { disable: true } },
  render: () =>
    html`<kk-test-host .template=${() => pager({ hasPrevious: true, hasNext: true, onPage: () => {} })}></kk-test-host>`,
};

export const CursorFirstPage: Story = {
  parameters: { controls: { disable: true } },
  render: () =>
    html`<kk-test-host .template=${() => pager({ hasPrevious: false, hasNext: true, onPage: () => {} })}></kk-test-host>`,
};

export const English: Story = { args: { page: 5 }, render: (args) => numbered(args, 'en') };
