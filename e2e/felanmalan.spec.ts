import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { testPersons } from '../packages/gateway/src/dev-idp/persons.js';
import { chooseCategoryByKeyboard, logIn, tabTo, watchViolations } from './support.js';

test('keyboard only: an anonymous report with a photo, without the map, then its new status under "Följ ärende"', async ({ page, request }) => {
  const violations = await watchViolations(page);

  await page.goto('/felanmalan.html');
  const widget = page.locator('kk-felanmalan');
  await expect(widget.getByRole('heading', { name: 'Vad vill du anmäla?' })).toBeVisible();

  // Category: into the radio group by Tab, then the arrow keys.
  await chooseCategoryByKeyboard(page, widget, /Klotter och skadegörelse/);

  // Place, in words: the map is never needed.
  await expect(widget.getByRole('heading', { name: 'Var finns felet?' })).toBeFocused();
  await tabTo(page, widget.getByRole('textbox', { name: /Adress eller plats/ }));
  await page.keyboard.type('Gångtunneln under järnvägen vid stationen');
  await tabTo(page, widget.getByRole('button', { name: 'Fortsätt' }));
  await page.keyboard.press('Enter');

  // Description and a photo (the file chooser is the operating system's; Playwright answers it).
  await expect(widget.getByRole('heading', { name: 'Beskriv felet' })).toBeFocused();
  await tabTo(page, widget.getByRole('textbox', { name: /Vad är fel\?/ }));
  await page.keyboard.type('Stora tags i blått på hela väggen.');
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 40, g: 60, b: 200 } } }).jpeg().toBuffer();
  await tabTo(page, widget.getByLabel(/^Bilder/));
  await widget.getByLabel(/^Bilder/).setInputFiles({ name: 'klotter.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(widget.getByRole('list', { name: 'Tillagda bilder' }).getByRole('listitem')).toHaveCount(1);
  await tabTo(page, widget.getByRole('button', { name: 'Fortsätt' }));
  await page.keyboard.press('Enter');

  // Contact: anonymous.
  await expect(widget.getByRole('heading', { name: 'Vill du lämna kontaktuppgifter?' })).toBeFocused();
  await tabTo(page, widget.getByRole('button', { name: 'Fortsätt' }));
  await page.keyboard.press('Enter');

  // Check answers, then send.
  await expect(widget.getByRole('heading', { name: 'Kontrollera din anmälan' })).toBeFocused();
  await tabTo(page, widget.getByRole('button', { name: 'Skicka anmälan' }));
  await page.keyboard.press('Enter');

  await expect(widget.getByRole('heading', { name: 'Tack! Din felanmälan är skickad' })).toBeFocused();
  const reference = (await widget.locator('.kk-panel__reference').textContent())!.trim();
  expect(reference).toMatch(/^EXS-\d{4}-\d{6}$/);

  // A case worker's system changes the status through the API.
  const changed = await request.post(`/api/v1/exempelstad/felanmalan/reports/${reference}/status`, {
    headers: { authorization: 'Bearer dev-caseworker-key-exempelstad' },
    data: { status: 'atgard_planerad', note: 'Saneringen är beställd.' },
  });
  expect(changed.status()).toBe(200);

  // The citizen follows the report from the confirmation and sees the new status.
  await tabTo(page, widget.getByRole('button', { name: 'Följ ärendet' }));
  await page.keyboard.press('Enter');
  await expect(widget.getByText('Åtgärd planerad').first()).toBeVisible();
  await expect(widget.getByText('Saneringen är beställd.').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a logged-in citizen's unfinished report follows them to another browser", async ({ browser }) => {
  const person = testPersons.find((candidate) => candidate.children && !candidate.otherGuardianOf)!;

  // The first browser: logged in, two pages answered, then the citizen leaves.
  const first = await browser.newContext();
  const page = await first.newPage();
  await logIn(page, person);
  // A draft left by an earlier run of this test would start the widget further on.
  await page.evaluate(() => fetch('/api/v1/exempelstad/drafts/felanmalan', { method: 'DELETE', credentials: 'include', headers: { 'x-kommunkit-client': 'e2e' } }));
  await page.goto('/felanmalan.html');
  const widget = page.locator('kk-felanmalan');
  await widget.getByRole('radio', { name: /Klotter och skadegörelse/ }).check();
  await widget.getByRole('button', { name: 'Fortsätt' }).click();
  await widget.getByRole('textbox', { name: /Adress eller plats/ }).fill('Gångtunneln vid stationen');
  await widget.getByRole('button', { name: 'Fortsätt' }).click();
  const saved = page.waitForResponse(
    (response) => response.url().endsWith('/drafts/felanmalan') && response.request().method() === 'PUT' && response.ok() && (response.request().postData() ?? '').includes('Tags på hela väggen'),
  );
  await widget.getByRole('textbox', { name: /Vad är fel\?/ }).fill('Tags på hela väggen');
  await saved;
  await first.close();

  // Another browser: nothing in its storage; after login the widget carries on where they were.
  const second = await browser.newContext();
  const other = await second.newPage();
  await logIn(other, person);
  await other.goto('/felanmalan.html');
  const resumed = other.locator('kk-felanmalan');
  await expect(resumed.getByRole('heading', { name: 'Beskriv felet' })).toBeVisible();
  await expect(resumed.getByRole('textbox', { name: /Vad är fel\?/ })).toHaveValue('Tags på hela väggen');
  await resumed.getByRole('button', { name: 'Tillbaka' }).click();
  await expect(resumed.getByRole('textbox', { name: /Adress eller plats/ })).toHaveValue('Gångtunneln vid stationen');
  await second.close();
});
