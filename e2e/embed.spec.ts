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

test('the built bundle asks for a widget\'s chunks, and for a lazy feature\'s, in one round trip, and no chunk loads two widgets', () => {
  const dist = new URL('../packages/embed/dist/', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8')) as Record<string, { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }>;
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imported of manifest[key]!.imports ?? []) closure(imported, seen);
    return seen;
  };
  const name = (key: string) => manifest[key]!.file.replace(/^chunks\//, '').replace(/\.js$/, '');
  const loader = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
  const widgets = manifest[loader]!.dynamicImports!;
  expect(widgets.length).toBe(4);
  let lazyImports = 0;
  for (const [key, chunk] of Object.entries(manifest)) {
    const code = readFileSync(new URL(chunk.file, dist), 'utf8');
    const loaded = closure(key);
    for (const imported of chunk.dynamicImports ?? []) {
      // What the imported chunk needs that the importer has not loaded is named beside it.
      const ahead = [...closure(imported)].filter((dependency) => dependency !== imported && !loaded.has(dependency));
      for (const dependency of ahead) expect(code, `${chunk.file} importing ${manifest[imported]!.file}`).toContain(name(dependency));
      if (key !== loader && ahead.length > 0) lazyImports++;
    }
    expect(widgets.filter((widget) => closure(key).has(widget)).length, chunk.file).toBeLessThanOrEqual(1);
  }
  expect(lazyImports).toBeGreaterThan(0);
});

test('for a widget whose first view formats money or dates, the loader makes the page\'s first Intl formatter before the widget\'s code runs; for felanmälan it makes none', async ({ page }) => {
  // Records, at each Intl.NumberFormat made, whether the widget on the page was defined yet.
  await page.addInitScript(() => {
    const made: boolean[] = [];
    (window as unknown as { kkFormats: boolean[] }).kkFormats = made;
    const Original = Intl.NumberFormat;
    Intl.NumberFormat = function (...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      const tag = document.querySelector('kk-felanmalan, kk-mina-fakturor')?.localName;
      made.push(tag !== undefined && customElements.get(tag) !== undefined);
      return new Original(...args);
    } as typeof Intl.NumberFormat;
  });
  const formats = () => page.evaluate(() => (window as unknown as { kkFormats: boolean[] }).kkFormats);
  await page.goto('/mina-fakturor.html');
  await page.waitForFunction(() => customElements.get('kk-mina-fakturor') !== undefined);
  expect((await formats())[0]).toBe(false);
  await page.goto('/felanmalan.html');
  await expect(page.locator('kk-felanmalan').getByRole('radio').first()).toBeVisible();
  expect((await formats()).filter((defined) => !defined)).toEqual([]);
});
