import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

test('the gateway serves the loader with a short cache and the chunks immutable, both with CORS for module scripts and in the brotli the build wrote', async ({ request }) => {
  const loader = await request.get('/kommunkit/v1/kommunkit.js', { headers: { 'accept-encoding': 'gzip, br' } });
  expect(loader.status()).toBe(200);
  expect(loader.headers()['content-encoding']).toBe('br');
  expect(loader.headers()['content-type']).toMatch(/javascript/);
  expect(loader.headers()['cache-control']).toBe('public, max-age=300');
  expect(loader.headers()['access-control-allow-origin']).toBe('*');
  const chunk = /["'`](\.\/chunks\/felanmalan-[\w-]+\.js)["'`]/.exec(await loader.text())?.[1];
  expect(chunk).toBeDefined();
  const defined = await request.get(`/kommunkit/v1/${chunk!.slice(2)}`, { headers: { 'accept-encoding': 'gzip, br' } });
  expect(defined.status()).toBe(200);
  expect(defined.headers()['content-encoding']).toBe('br');
  expect(defined.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(defined.headers()['access-control-allow-origin']).toBe('*');
});

test('the README\'s snippet is what the demo page carries, verbatim, with the gateway\'s address', async ({ request, baseURL }) => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const snippet = /```html\n(<script type="module"[^\n]+\n<kk-felanmalan[^\n]+)\n```/.exec(readme)?.[1];
  expect(snippet).toBeDefined();
  const page = await (await request.get('/felanmalan.html')).text();
  expect(page).toContain(snippet!.replace('https://e-tjanster.exempelstad.se', baseURL!).replace(/\n/, '\n      '));
});

test('the snippet builder writes the snippet for the chosen options and previews it live', async ({ page }) => {
  await page.goto('/snippet.html');
  await page.getByLabel('Rubriknivå i tjänsten').selectOption('3');
  await page.getByLabel('Språk').selectOption('en');
  await expect(page.locator('[data-snippet]')).toHaveText(/<kk-felanmalan kommun="exempelstad" heading-level="3" lang="en"><\/kk-felanmalan>/);
  await expect(page.locator('[data-snippet]')).toContainText('/kommunkit/v1/kommunkit.js"></script>');
  await expect(page.locator('[data-preview] kk-felanmalan').getByRole('heading', { level: 3, name: 'What do you want to report?' })).toBeVisible();
});
