import { sendKeys } from '@web/test-runner-commands';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { getLocale, useLocale } from '../src/localization.js';
import type { KkSlotGridDemo } from './slot-grid-demo.js';
import './slot-grid-demo.js';

const text = (element: Element | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';

async function page(lang = 'sv') {
  const element = await fixture<KkSlotGridDemo>(html`<kk-slot-grid-demo lang=${lang}></kk-slot-grid-demo>`);
  await waitUntil(() => getLocale() === lang, `${lang} did not load`, { timeout: 5000 });
  await element.updateComplete;
  const root = element.shadowRoot!;
  const cell = (row: number, column: number) => root.querySelector<HTMLElement>(`[data-kk-row="${String(row)}"][data-kk-column="${String(column)}"]`)!;
  return {
    element,
    root,
    cell,
    /** The focused cell as [row, column]. */
    at: () => {
      const active = root.activeElement;
      return active?.hasAttribute('data-kk-row') ? [Number(active.getAttribute('data-kk-row')), Number(active.getAttribute('data-kk-column'))] : active?.textContent.trim();
    },
    tabbable: () => [...root.querySelectorAll('[role=gridcell][tabindex="0"]')],
    press: async (key: string) => {
      await sendKeys({ press: key });
      await element.updateComplete;
    },
  };
}

describe('GridController and slotGrid', () => {
  afterEach(async () => {
    await useLocale('sv');
  });

  it('is a grid with day and time headers, one tab stop, and booked slots marked unavailable', async () => {
    const { element, root, cell, tabbable } = await page();
    const grid = root.querySelector('[role=grid]')!;
    expect(text(root.getElementById(grid.getAttribute('aria-labelledby')!))).to.equal('Lediga tider vecka 50');
    expect([...grid.querySelectorAll('[role=columnheader]')].map(text)).to.deep.equal([
      'Tid',
      'mån 7 dec',
      'tis 8 dec',
      'ons 9 dec',
      'tor 10 dec',
      'fre 11 dec',
      'lör 12 dec',
      'sön 13 dec',
    ]);
    expect([...grid.querySelectorAll('[role=rowheader]')].map(text)).to.deep.equal([
      '08:00–10:00',
      '10:00–12:00',
      '12:00–14:00',
      '14:00–16:00',
      '16:00–18:00',
      '18:00–20:00',
    ]);
    expect(grid.querySelectorAll('[role=gridcell]')).to.have.length(42);
    expect(tabbable()).to.deep.equal([cell(0, 0)]);
    expect(text(cell(0, 0))).to.equal('Ledig');
    expect(text(cell(0, 1))).to.equal('Bokad');
    expect(cell(0, 1).getAttribute('aria-disabled')).to.equal('true');
    expect(cell(0, 0).hasAttribute('aria-disabled')).to.equal(false);
    expect(text(cell(0, 6))).to.equal('Ingen tid');
    expect(cell(0, 6).getAttribute('aria-disabled')).to.equal('true');
    expect(cell(0, 0).getAttribute('aria-selected')).to.equal('false');
    await expect(element).to.be.accessible();
  });

  it('moves by arrow keys, Home and End, Ctrl+Home and Ctrl+End, PageUp and PageDown', async () => {
    const { element, root, at, press, tabbable, cell } = await page();
    root.querySelector<HTMLButtonElement>('button')!.focus();
    await press('Tab');
    expect(at()).to.deep.equal([0, 0]);
    await press('ArrowLeft');
    await press('ArrowUp');
    expect(at(), 'stays at the edge').to.deep.equal([0, 0]);
    await press('ArrowRight');
    expect(at()).to.deep.equal([0, 1]);
    expect(tabbable()).to.deep.equal([cell(0, 1)]);
    await press('ArrowDown');
    expect(at()).to.deep.equal([1, 1]);
    await press('End');
    expect(at()).to.deep.equal([1, 6]);
    await press('ArrowRight');
    expect(at()).to.deep.equal([1, 6]);
    await press('Home');
    expect(at()).to.deep.equal([1, 0]);
    await press('Control+End');
    expect(at()).to.deep.equal([5, 6]);
    await press('ArrowDown');
    expect(at()).to.deep.equal([5, 6]);
    await press('Control+Home');
    expect(at()).to.deep.equal([0, 0]);
    await press('PageDown');
    expect(at()).to.deep.equal([5, 0]);
    await press('PageUp');
    expect(at()).to.deep.equal([0, 0]);
    await expect(element).to.be.accessible();
  });

  it('selects a free slot with Enter or Space, refuses a booked one, and is one tab stop', async () => {
    const { element, root, at, press, cell } = await page();
    root.querySelector<HTMLButtonElement>('button')!.focus();
    await press('Tab');
    await press('Enter');
    expect(element.selected).to.equal('2026-12-07T08:00');
    expect(cell(0, 0).getAttribute('aria-selected')).to.equal('true');
    expect(text(cell(0, 0))).to.equal('✓ Vald');
    await expect(element).to.be.accessible();

    await press('ArrowRight'); // booked
    await press(' ');
    expect(element.selected).to.equal('2026-12-07T08:00');
    expect(cell(0, 1).getAttribute('aria-selected')).to.equal('false');
    await press('ArrowDown');
    await press(' ');
    expect(element.selected).to.equal('2026-12-08T10:00');
    expect(cell(0, 0).getAttribute('aria-selected')).to.equal('false');
    expect(cell(1, 1).getAttribute('aria-selected')).to.equal('true');
    expect(root.querySelectorAll('[aria-selected=true]')).to.have.length(1);

    await press('Tab');
    expect(at()).to.equal('Fortsätt');
    await press('Shift+Tab');
    expect(at(), 'back on the cell last used').to.deep.equal([1, 1]);
    await expect(element).to.be.accessible();
  });

  it('selects by pointer too, and the clicked cell becomes the tab stop', async () => {
    const { element, cell, tabbable } = await page();
    cell(2, 3).click();
    await element.updateComplete;
    expect(element.selected).to.equal('2026-12-10T12:00');
    expect(tabbable()).to.deep.equal([cell(2, 3)]);
    cell(2, 2).click(); // booked
    await element.updateComplete;
    expect(element.selected).to.equal('2026-12-10T12:00');
  });

  it('speaks English', async () => {
    const { element, root, cell } = await page('en');
    element.selected = '2026-12-07T08:00';
    element.requestUpdate();
    await element.updateComplete;
    expect(text(root.querySelector('[role=columnheader]'))).to.equal('Time');
    expect(text(cell(0, 0))).to.equal('✓ Selected');
    expect(text(cell(0, 2))).to.equal('Free');
    expect(text(cell(0, 1))).to.equal('Booked');
    expect(text(cell(0, 6))).to.equal('No time');
  });
});
