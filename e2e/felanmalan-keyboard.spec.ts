import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chooseCategoryByKeyboard, tabTo, watchViolations } from './support.js';

/*
 * Keyboard only, with the map: Tab, the arrow keys, Enter and Space, nothing else. The demo's
 * map tiles come from the internet, which the test machine cannot reach: the tiles fail, the
 * map (its panning, its crosshair and the pin) works all the same.
 */

/** The dev address register the demo gateway reads (`geocoder: { adapter: 'list' }`). */
const { addresses } = JSON.parse(readFileSync(new URL('../packages/gateway/config/exempelstad-adresser.json', import.meta.url), 'utf8')) as {
  addresses: { label: string; lat: number; long: number }[];
};

test('keyboard only: the pin placed on the map, shown as an address, filed, and followed with its place', async ({ page, request }) => {
  const violations = await watchViolations(page);

  await page.goto('/felanmalan.html');
  const widget = page.locator('kk-felanmalan');
  await expect(widget.getByRole('heading', { name: 'Vad vill du anmäla?' })).toBeVisible();

  // Category, by Tab and the arrow keys.
  await chooseCategoryByKeyboard(page, widget, /Klotter och skadegörelse/);

  // The place, on the map: the hint says how; Tab reaches the map, then its zoom buttons.
  await expect(widget.getByRole('heading', { name: 'Var finns felet?' })).toBeFocused();
  const map = widget.getByRole('application', { name: 'Karta där du kan välja platsen' });
  await expect(map).toHaveAccessibleDescription(/Använd piltangenterna för att flytta kartan och Enter för att sätta nålen där korset är/);
  await tabTo(page, map);
  await expect(map.locator('.kk-map-crosshair')).toBeVisible();
  const zoomIn = widget.getByRole('button', { name: 'Zooma in' });
  await tabTo(page, zoomIn, 3);
  // Closer in, so that one step of the arrow keys is about 100 m.
  await page.keyboard.press('Enter');
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(400);
  await page.keyboard.press('Shift+Tab');
  await expect(map).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');

  // The pin is shown as its nearest address, never as coordinates.
  const place = widget.locator('.kk-position > [aria-live=polite]');
  await expect(place).toHaveText(/^Nära /);
  const label = (await place.textContent())!.replace(/^Nära /, '').trim();
  expect(addresses.map((address) => address.label)).toContain(label);
  await expect(widget.locator('.kk-map .leaflet-marker-icon')).toHaveCount(1);
  expect(await widget.locator('.kk-position').textContent()).not.toMatch(/\d+\.\d{4}/);
  await tabTo(page, widget.getByRole('button', { name: 'Fortsätt' }));
  await page.keyboard.press('Enter');

  // Description (no nearby reports in a fresh demo), contact: anonymous.
  await expect(widget.getByRole('heading', { name: 'Beskriv felet' })).toBeFocused();
  await tabTo(page, widget.getByRole('textbox', { name: /Vad är fel\?/ }));
  await page.keyboard.type('Tags på elskåpet vid hörnet.');
  await tabTo(page, widget.getByRole('button', { name: 'Fortsätt' }));
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('heading', { name: 'Vill du lämna kontaktuppgifter?' })).toBeFocused();
  await tabTo(page, widget.getByRole('button', { name: 'Fortsätt' }));
  await page.keyboard.press('Enter');

  // Check answers: the same place, then send.
  await expect(widget.getByRole('heading', { name: 'Kontrollera din anmälan' })).toBeFocused();
  await expect(widget.locator('.kk-summary-list__row', { hasText: 'Plats' })).toContainText(`Nära ${label}`);
  await tabTo(page, widget.getByRole('button', { name: 'Skicka anmälan' }));
  await page.keyboard.press('Enter');

  await expect(widget.getByRole('heading', { name: 'Tack! Din felanmälan är skickad' })).toBeFocused();
  const reference = (await widget.locator('.kk-panel__reference').textContent())!.trim();
  expect(reference).toMatch(/^EXS-\d{4}-\d{6}$/);

  // Every Open311 client sees the place: the gateway stored the pin's nearest address.
  const open311 = await request.get(`/open311/v2/requests/${reference}.json?jurisdiction_id=exempelstad`);
  expect(open311.status()).toBe(200);
  const [filed] = (await open311.json()) as { address?: string; lat?: number }[];
  expect(filed).toMatchObject({ address: label });

  // Following it shows its place and description.
  await tabTo(page, widget.getByRole('button', { name: 'Följ ärendet' }));
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('heading', { name: `Ärende ${reference}` })).toBeVisible();
  await expect(widget.locator('.kk-summary-list__row', { hasText: 'Plats' })).toContainText(label);
  await expect(widget.locator('.kk-summary-list__row', { hasText: 'Beskrivning' })).toContainText('Tags på elskåpet vid hörnet.');
  expect(violations).toEqual([]);
});
