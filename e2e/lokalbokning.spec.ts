import { expect, test, type Locator, type Page } from '@playwright/test';
import { testPersons } from '../packages/gateway/src/dev-idp/persons.js';
import { axeViolations, tabTo, watchViolations } from './support.js';

/*
 * Lokalbokning by keyboard alone: Tab, the arrow keys, Enter and Space. A citizen finds a
 * meeting room, picks a free time in next week's grid, logs in from the widget (the chosen time
 * survives the round trip), books it, sees it in "Mina bokningar", downloads its .ics and
 * cancels it. Mötesrum Ekan is booked here and nowhere else in the e2e suite.
 */

const person = testPersons.find((candidate) => candidate.forening)!;

/** Moves a focused native select with the arrow keys until its value is `value`. */
async function chooseByArrows(page: Page, select: Locator, value: string): Promise<void> {
  for (let press = 0; press < 12 && (await select.inputValue()) !== value; press += 1) await page.keyboard.press('ArrowDown');
  expect(await select.inputValue()).toBe(value);
}

test('keyboard only: find a lokal, pick a free time in the grid, log in, book, see it in Mina bokningar, download the .ics, cancel it', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/lokalbokning.html');
  const widget = page.locator('kk-lokalbokning');
  await expect(widget.getByRole('heading', { name: 'Boka lokal' })).toBeVisible();

  // Find: only meeting rooms.
  const type = widget.getByRole('combobox', { name: /Typ av lokal/ });
  await tabTo(page, type);
  await chooseByArrows(page, type, 'motesrum');
  await tabTo(page, widget.getByRole('button', { name: 'Sök lokaler' }));
  await page.keyboard.press('Enter');
  const open = widget.getByRole('button', { name: /Visa lokal och lediga tider\s?: Mötesrum Ekan/ });
  await expect(widget.getByText(/lokaler? hittades/)).toBeVisible();
  await expect(widget.getByRole('button', { name: /Visa lokal och lediga tider\s?: Storhallen/ })).toHaveCount(0);
  await tabTo(page, open);
  await page.keyboard.press('Enter');

  // The lokal: its facts and rules in words, then next week's grid (always more than the cancellation deadline ahead).
  await expect(widget.getByRole('heading', { name: 'Mötesrum Ekan, Stadsbiblioteket', level: 2 })).toBeFocused();
  await expect(widget.getByText('Bokningen bekräftas direkt')).toBeVisible();
  const photo = widget.getByRole('img', { name: /Mötesrum med långbord/ });
  await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);
  await tabTo(page, widget.getByRole('button', { name: 'Nästa vecka' }));
  await page.keyboard.press('Enter');
  const grid = widget.getByRole('grid');
  await expect(grid).toBeVisible();
  expect(await axeViolations(page, 'kk-lokalbokning')).toEqual([]);
  await tabTo(page, grid.locator('[role=gridcell][tabindex="0"]'));
  // One step right and back: the arrow keys move the focus between cells.
  const first = await grid.locator('[role=gridcell]:focus').getAttribute('data-kk-slot');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  expect(await grid.locator('[role=gridcell]:focus').getAttribute('data-kk-slot')).toBe(first);
  await page.keyboard.press('Enter');
  await expect(grid.locator('[role=gridcell][aria-selected=true]')).toHaveCount(1);
  // "Vald tid: 7 december 2026 08:00–08:30": its date and start time.
  const [, chosenDate, chosenTime] = /Vald tid:\s*(\d+ \S+ \d{4}) (\d\d:\d\d)/.exec((await widget.getByText(/^Vald tid:/).textContent())!)!;
  await tabTo(page, widget.getByRole('button', { name: 'Boka vald tid' }));
  await page.keyboard.press('Enter');

  // Login is asked for only now, and the chosen time is still chosen afterwards.
  await expect(widget.getByRole('heading', { name: 'Logga in för att boka' })).toBeVisible();
  await tabTo(page, widget.getByRole('button', { name: 'Logga in med e-legitimation' }));
  await page.keyboard.press('Enter');
  const radio = page.getByRole('radio', { name: person.description });
  await tabTo(page, page.getByRole('radio').first());
  for (let press = 0; press < 10 && !(await radio.isChecked()); press += 1) await page.keyboard.press('ArrowDown');
  await expect(radio).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Logga in' }));
  await page.keyboard.press('Enter');

  await expect(widget.getByRole('heading', { name: /^Boka Mötesrum Ekan/ })).toBeVisible();
  await expect(widget.getByText(/^Starttid:/)).toContainText(chosenDate!);
  await expect(widget.getByText(/^Starttid:/)).toContainText(chosenTime!);
  const length = widget.getByRole('combobox', { name: 'Hur länge?' });
  await tabTo(page, length);
  await chooseByArrows(page, length, '60');
  await tabTo(page, widget.getByRole('textbox', { name: /Vad ska lokalen användas till/ }));
  await page.keyboard.type('Styrelsemöte i bostadsrättsföreningen');
  await expect(widget.getByText(/^Pris:/)).toBeVisible();
  await tabTo(page, widget.getByRole('checkbox', { name: 'Jag har läst och godkänner villkoren' }));
  await page.keyboard.press('Space');
  const created = page.waitForResponse((response) => response.url().endsWith('/lokalbokning/bookings') && response.request().method() === 'POST');
  await tabTo(page, widget.getByRole('button', { name: 'Boka', exact: true }));
  await page.keyboard.press('Enter');
  const answer = await created;
  expect(answer.status()).toBe(201);
  const booking = (await answer.json()) as { id: string; reference: string; status: string; start: string; end: string };
  expect(booking.status).toBe('bekraftad');

  // The receipt, its .ics, then Mina bokningar.
  await expect(widget.getByRole('heading', { name: 'Din bokning är bekräftad' })).toBeFocused();
  await expect(widget.getByText(booking.reference)).toBeVisible();
  const ics = widget.getByRole('link', { name: 'Lägg in bokningen i din kalender (.ics)' });
  await tabTo(page, ics);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const calendar = await (await download).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  });
  expect(calendar).toMatch(/^BEGIN:VCALENDAR/);
  expect(calendar).toContain('BEGIN:VEVENT');
  expect(calendar).toContain(booking.reference);
  const utc = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  expect(calendar).toMatch(new RegExp(`DTSTART[^:\\r\\n]*:(${utc(booking.start)}|\\d{8}T\\d{6})`));

  await tabTo(page, widget.getByRole('button', { name: 'Mina bokningar' }));
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('heading', { name: 'Mina bokningar' })).toBeVisible();
  const row = widget.getByRole('button', { name: new RegExp(booking.reference) });
  await tabTo(page, row);
  await expect(row).toContainText('Bekräftad');
  await page.keyboard.press('Enter');
  await tabTo(page, widget.getByRole('button', { name: 'Avboka' }));
  await page.keyboard.press('Enter');
  await tabTo(page, widget.getByRole('button', { name: 'Ja, avboka' }));
  const cancelled = page.waitForResponse((response) => response.url().endsWith(`/bookings/${booking.id}/cancel`));
  await page.keyboard.press('Enter');
  expect((await cancelled).status()).toBe(200);
  await expect(widget.getByRole('heading', { name: 'Bokningen är avbokad' })).toBeVisible();

  // What the gateway stored: cancelled, and the time free again.
  const stored = await page.evaluate(async (id) => (await (await fetch(`/api/v1/exempelstad/lokalbokning/bookings/${id}`, { credentials: 'include' })).json()) as { status: string }, booking.id);
  expect(stored.status).toBe('avbokad');
  expect(await axeViolations(page, 'kk-lokalbokning')).toEqual([]);
  expect(violations).toEqual([]);
});
