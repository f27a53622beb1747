import { expect, test, type Browser, type Page } from '@playwright/test';
import { testPersons } from '../packages/gateway/src/dev-idp/persons.js';
import { logIn } from './support.js';

const guardian = testPersons.find((person) => person.children && !person.otherGuardianOf)!;
const other = testPersons.find((person) => person.hasInvoices)!;

/** A browser of its own (no cookies, no storage of the others), logged in as `person` with the dev identity provider. */
async function loggedInAs(browser: Browser, person: (typeof testPersons)[number]): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, person);
  // A draft left by an earlier test would start the widget further on.
  await page.evaluate(() => fetch('/api/v1/exempelstad/drafts/felanmalan', { method: 'DELETE', credentials: 'include', headers: { 'x-kommunkit-client': 'e2e' } }));
  return page;
}

const statusOf = (page: Page, reference: string): Promise<number> =>
  page.evaluate(async (wanted) => (await fetch(`/api/v1/exempelstad/felanmalan/reports/${wanted}`, { credentials: 'include' })).status, reference);

test('a logged-in citizen files a report and sees it in "Mina anmälningar"; another person never sees it', async ({ browser }) => {
  const page = await loggedInAs(browser, guardian);
  await page.goto('/felanmalan.html');
  const widget = page.locator('kk-felanmalan');
  await widget.getByRole('radio', { name: /Klotter och skadegörelse/ }).check();
  await widget.getByRole('button', { name: 'Fortsätt' }).click();
  await widget.getByRole('textbox', { name: /Adress eller plats/ }).fill('Gångtunneln vid stationen');
  await widget.getByRole('button', { name: 'Fortsätt' }).click();
  await widget.getByRole('textbox', { name: /Vad är fel\?/ }).fill('Tags på hela väggen i tunneln');
  await widget.getByRole('button', { name: 'Fortsätt' }).click();
  // Logged in: the name comes from the profile.
  await expect(widget.getByRole('heading', { name: 'Vill du lämna kontaktuppgifter?' })).toBeVisible();
  await expect(widget.getByRole('textbox', { name: /Förnamn/ })).toHaveValue(guardian.givenName);
  await widget.getByRole('button', { name: 'Fortsätt' }).click();
  const filed = page.waitForResponse((response) => response.url().endsWith('/api/v1/exempelstad/felanmalan/reports') && response.request().method() === 'POST');
  await widget.getByRole('button', { name: 'Skicka anmälan' }).click();
  expect((await filed).status()).toBe(201);

  await expect(widget.getByRole('heading', { name: 'Tack! Din felanmälan är skickad' })).toBeFocused();
  const reference = (await widget.locator('.kk-panel__reference').textContent())!.trim();
  expect(reference).toMatch(/^EXS-\d{4}-\d{6}$/);
  await expect(widget.getByText(`Din felanmälan har nummer ${reference}`)).toHaveCount(0);

  await widget.getByRole('button', { name: 'Se alla dina anmälningar under Mina anmälningar' }).click();
  await expect(page.locator('kk-felanmalan[view="mina"]')).toHaveCount(1);
  const row = widget.getByRole('button', { name: new RegExp(reference) });
  await expect(row).toContainText('Klotter och skadegörelse');
  await expect(row).toContainText('Gångtunneln vid stationen');
  await expect(row).toContainText('Mottagen');
  await row.click();
  await expect(widget.getByText('Tags på hela väggen i tunneln')).toBeVisible();
  expect(await statusOf(page, reference)).toBe(200);
  await page.context().close();

  // Another test person, in a browser of their own: not in their list, and 404 from the citizen API.
  const stranger = await loggedInAs(browser, other);
  await stranger.goto('/felanmalan.html');
  const theirs = stranger.locator('kk-felanmalan');
  await theirs.getByRole('button', { name: 'Mina anmälningar' }).click();
  await expect(theirs.getByRole('heading', { name: 'Mina anmälningar' })).toBeVisible();
  await expect(theirs.getByText(/Du har inga felanmälningar här ännu|EXS-/).first()).toBeVisible();
  await expect(theirs.getByText(reference)).toHaveCount(0);
  expect(await statusOf(stranger, reference)).toBe(404);
  const mine = await stranger.evaluate(async () => (await (await fetch('/api/v1/exempelstad/felanmalan/reports/mine', { credentials: 'include' })).json()) as { items: { reference: string }[] });
  expect(mine.items.map((item) => item.reference)).not.toContain(reference);
  await stranger.context().close();
});
