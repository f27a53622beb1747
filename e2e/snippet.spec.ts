import { expect, test, type Page } from '@playwright/test';
import { axeViolations, tabTo, watchViolations } from './support.js';

/** Replaces a field's value by keyboard alone: Tab to it, select all, type. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label);
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

let violations: string[] = [];
let dialogs: string[] = [];

test.beforeEach(async ({ page }) => {
  // The builder's own page runs under the site's strict policy, and nothing it writes may open a dialog.
  violations = await watchViolations(page);
  dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/snippet.html');
});

test.afterEach(() => {
  expect(violations).toEqual([]);
  expect(dialogs).toEqual([]);
});

const code = (page: Page) => page.locator('[data-snippet]');
const check = (page: Page) => page.locator('[data-check]');

test('a hostile kommun id stays text: the copy box shows it escaped, and no element or dialog comes of it', async ({ page }) => {
  const hostile = '"><img src=x onerror=alert(1)>';
  await typeInto(page, 'Kommunens id', hostile);
  await expect(code(page)).toContainText('<kk-felanmalan kommun="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"></kk-felanmalan>');
  await typeInto(page, 'Reservtext (frivilligt)', '<img src=x onerror=alert(2)> Ring oss.');
  await expect(code(page)).toContainText('  <p>&lt;img src=x onerror=alert(2)&gt; Ring oss.</p>\n</kk-felanmalan>');
  await expect(page.locator('[data-fallback-preview]')).toHaveText('<img src=x onerror=alert(2)> Ring oss.');
  await typeInto(page, 'Webbplatsens adress (frivilligt)', hostile);
  await page.keyboard.press('Enter');
  const summary = page.getByRole('heading', { name: 'Det finns ett problem' });
  await expect(summary).toBeVisible();
  await expect(page.locator('[data-error-summary]')).toBeFocused();
  await expect(page.locator('[data-error-summary]')).toContainText('Kommunens id kan bara innehålla');
  await page.waitForTimeout(600);
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.locator('[data-preview] kk-felanmalan').count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
});

test('an empty kommun id is an error linked from the error summary, not an endless "Loading"', async ({ page }) => {
  await typeInto(page, 'Kommunens id', '');
  await expect(code(page)).toHaveText('Fyll i kommunens id, så visas koden här.');
  await expect(check(page)).toHaveText('Fyll i kommunens id, så kontrollerar vi det mot e-tjänsteplattformen.');
  await expect(page.locator('[data-preview]')).toHaveText('Förhandsvisningen visas när kommunens id är ifyllt.');
  await page.keyboard.press('Enter');
  const summary = page.locator('[data-error-summary]');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Fel: /);
  const link = summary.getByRole('link', { name: 'Fyll i kommunens id, till exempel exempelstad.' });
  await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  const field = page.getByLabel('Kommunens id');
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Fel: Fyll i kommunens id, till exempel exempelstad\./);
  expect(await axeViolations(page)).toEqual([]);
  await expect(page.getByText(/Laddar|Loading/)).toHaveCount(0);

  // Typing an id clears the error as soon as it is right.
  await page.keyboard.type('exempelstad');
  await expect(summary).toBeHidden();
  await expect(field).not.toHaveAttribute('aria-invalid');
});

test('an unknown kommun id is said to be unknown, in the check, the summary and the preview', async ({ page }) => {
  await typeInto(page, 'Kommunens id', 'finnsinte');
  await page.keyboard.press('Enter');
  await expect(check(page)).toHaveText('Det finns ingen kommun med id:t ”finnsinte” på e-tjänsteplattformen. Kontrollera stavningen; id:t står i avtalet med plattformen.');
  await expect(page.locator('[data-error-summary]')).toBeFocused();
  await expect(page.locator('[data-error-summary]').getByRole('link')).toHaveText('Det finns ingen kommun med id:t ”finnsinte” på e-tjänsteplattformen. Kontrollera id:t i avtalet.');
  await expect(page.locator('[data-preview]')).toHaveText('Ingen förhandsvisning: det finns ingen kommun med id:t ”finnsinte”.');
  expect(await axeViolations(page)).toEqual([]);
});

test('a known kommun: the builder says the preview\'s page origin is on its list, and the preview works', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await expect(check(page)).toContainText('”exempelstad” är Exempelstads kommun.');
  await expect(check(page)).toContainText(`Den här sidan (${origin}) finns i kommunens lista, så förhandsvisningen nedan fungerar.`);
  await expect(page.locator('[data-preview] kk-felanmalan').getByRole('heading', { name: 'Vad vill du anmäla?' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Kontrollera' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Kontroll mot e-tjänsteplattformen' })).toBeFocused();
  await expect(page.locator('[data-error-summary]')).toBeHidden();
  expect(await axeViolations(page)).toEqual([]);
});

test('a site address that is not on the list: the builder names the origin to add and the config key', async ({ page }) => {
  await typeInto(page, 'Webbplatsens adress (frivilligt)', 'www.exempelstad.se/trafik/felanmalan');
  await page.keyboard.press('Enter');
  const result = check(page);
  await expect(result).toContainText('Vi kontrollerade webbplatsens början, https://www.exempelstad.se; sökvägen spelar ingen roll.');
  await expect(result).toContainText('Webbplatsen https://www.exempelstad.se finns inte i kommunens lista.');
  await expect(result).toContainText('Be den som driver e-tjänsteplattformen lägga till "https://www.exempelstad.se" i kommuner[0].origins i gatewayens konfiguration.');
  await expect(page.getByRole('heading', { name: 'Kontroll mot e-tjänsteplattformen' })).toBeFocused();
  // The CMS guide says the same before any code is pasted.
  await expect(page.getByRole('heading', { name: 'Först: webbplatsens adress måste finnas på e-tjänsteplattformen' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('the fallback text the editor writes goes inside the element, and is shown as the visitor would see it', async ({ page }) => {
  await typeInto(page, 'Reservtext (frivilligt)', 'Felanmälan kan inte visas just nu.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ring 0123-456 00.');
  await expect(code(page)).toContainText('<kk-felanmalan kommun="exempelstad">\n  <p>Felanmälan kan inte visas just nu.</p>\n  <p>Ring 0123-456 00.</p>\n</kk-felanmalan>');
  await expect(page.locator('[data-fallback-preview] p')).toHaveText(['Felanmälan kan inte visas just nu.', 'Ring 0123-456 00.']);
});
