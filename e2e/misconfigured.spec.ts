import { expect, test, type Page } from '@playwright/test';

/**
 * Editors and citizens when something is misconfigured: a page on an origin that is not on the
 * kommun's list, and an element naming a kommun the gateway does not know. The citizen is told
 * plainly, the console tells the editor once what to change where, and the widget does not
 * retry what cannot succeed. The demo is served at http://localhost:PORT; the same page at
 * http://127.0.0.1:PORT is another origin, not on exempelstad's list.
 */

const notSetUp = 'Tjänsten är inte inställd för den här sidan';

/** What the page logged and which of its requests failed (no answer, or an error status), from the start. */
function watch(page: Page): { errors: string[]; failed: string[] } {
  const errors: string[] = [];
  const failed: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('requestfailed', (request) => failed.push(`${request.method()} ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.request().method()} ${response.url()}`);
  });
  return { errors, failed };
}

/** Long enough for any retry the SDK would make (3 tries, backoff from 300 ms) to have been sent. */
const afterRetriesWouldHaveRun = (page: Page) => page.waitForTimeout(3000);

test('a page on an origin not on the kommun\'s list says the service is not set up here, and the console names the origin and where to add it', async ({ page, baseURL }) => {
  const gateway = new URL(baseURL!);
  const origin = `http://127.0.0.1:${gateway.port}`;
  const seen = watch(page);
  await page.goto(`${origin}/felanmalan.html`);

  const widget = page.locator('kk-felanmalan');
  await expect(widget.getByRole('heading', { name: notSetUp })).toBeVisible();
  await expect(widget).toContainText('Den här webbsidan finns ännu inte med bland sidorna där kommunen har slagit på tjänsten');
  await expect(widget).toContainText('Du kan kontakta Exempelstads kommun på annat sätt i stället');
  await expect(widget.getByRole('button')).toHaveCount(0);

  await afterRetriesWouldHaveRun(page);
  const editor = seen.errors.filter((text) => text.startsWith('kommunkit:'));
  expect(editor).toHaveLength(1);
  expect(editor[0]).toContain(`this page's origin "${origin}" is not on the list of kommun "exempelstad" (Exempelstads kommun)`);
  expect(editor[0]).toContain('Add "' + origin + '" to kommuner[0].origins in the gateway\'s config');

  // No retry storm: each of the widget's first calls failed once (the browser refused the answers), none was retried.
  const failedCalls = seen.failed.filter((request) => request.includes('/api/v1/') || request.includes('/open311/'));
  expect(failedCalls.length).toBeGreaterThan(0);
  expect(failedCalls.length).toBeLessThanOrEqual(4);
  expect(new Set(failedCalls).size).toBe(failedCalls.length);
  expect(seen.failed.some((request) => request.includes('/api/v1/embedding'))).toBe(false);
});

test('an unknown kommun id says the service is not set up here, and the console says the id is unknown to the gateway', async ({ page, baseURL }) => {
  const seen = watch(page);
  await page.goto('/okand-kommun.html');

  const widget = page.locator('kk-felanmalan');
  await expect(widget.getByRole('heading', { name: notSetUp })).toBeVisible();
  await expect(widget).toContainText('Sidan anger en kommun som tjänsten inte känner till');
  await expect(widget.getByRole('button')).toHaveCount(0);

  await afterRetriesWouldHaveRun(page);
  const editor = seen.errors.filter((text) => text.startsWith('kommunkit:'));
  expect(editor).toHaveLength(1);
  expect(editor[0]).toContain(`the kommun id "okand-kommun" is unknown to the gateway at ${new URL(baseURL!).origin}`);

  const failedCalls = seen.failed.filter((request) => request.includes('/api/v1/') || request.includes('/open311/'));
  expect(failedCalls.length).toBeLessThanOrEqual(4);
  expect(new Set(failedCalls).size).toBe(failedCalls.length);
});

test('an anonymous visitor\'s page logs no error: nobody logged in is no 401', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/felanmalan.html');
  await expect(page.locator('kk-felanmalan').getByRole('heading', { name: 'Vad vill du anmäla?' })).toBeVisible();
  await afterRetriesWouldHaveRun(page);
  expect(seen.failed).toEqual([]);
  expect(seen.errors).toEqual([]);
});
