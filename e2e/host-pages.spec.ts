import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations, tabTo, watchViolations } from './support.js';

/** Chooses a category and continues, by keyboard alone, in the given widget. */
async function startReport(page: Page, widget: Locator): Promise<void> {
  await tabTo(page, widget.getByRole('radio').first());
  await page.keyboard.press('ArrowDown');
  await expect(widget.getByRole('radio').nth(1)).toBeChecked();
  await tabTo(page, widget.getByRole('button', { name: 'Fortsätt' }));
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('heading', { name: 'Var finns felet?' })).toBeFocused();
}

const hostPages = [
  ['/felanmalan.html', 'an ordinary kommun page'],
  ['/hostile.html', 'a page with global resets and !important rules'],
  ['/csp.html', 'a page with a strict CSP and Trusted Types'],
  ['/rtl.html', 'a right-to-left page'],
  ['/senare.html', 'a page that adds the widget after load'],
] as const;

for (const [path, what] of hostPages) {
  test(`${what}: the widget upgrades, works by keyboard, passes axe, and breaks no CSP`, async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto(path);
    const widget = page.locator('kk-felanmalan');
    await expect(widget.getByRole('heading', { name: 'Vad vill du anmäla?' })).toBeVisible();
    expect(await axeViolations(page, 'kk-felanmalan')).toEqual([]);
    await startReport(page, widget);
    // The place step loads the map: it too must run under the page's policy.
    await expect(widget.locator('.leaflet-container')).toBeVisible();
    expect(await axeViolations(page, 'kk-felanmalan')).toEqual([]);
    expect(violations).toEqual([]);
  });
}

test('the hostile page cannot hide or restyle the widget', async ({ page }) => {
  await page.goto('/hostile.html');
  const widget = page.locator('kk-felanmalan');
  await expect(widget.getByRole('heading', { name: 'Vad vill du anmäla?' })).toBeVisible();
  const search = widget.getByRole('searchbox', { name: /Sök kategori/ });
  await expect(search).toBeVisible();
  const style = await search.evaluate((input) => {
    const computed = getComputedStyle(input);
    return { display: computed.display, height: input.getBoundingClientRect().height, fontSize: parseFloat(computed.fontSize) };
  });
  expect(style.display).toBe('block');
  expect(style.height).toBeGreaterThan(20);
  expect(style.fontSize).toBeGreaterThanOrEqual(14);
  const heading = await widget.getByRole('heading', { name: 'Vad vill du anmäla?' }).evaluate((element) => getComputedStyle(element).textTransform);
  expect(heading).toBe('none');
});

test('on a right-to-left page the Swedish widget stays left to right: the question mark ends the question', async ({ page }) => {
  await page.goto('/rtl.html');
  const widget = page.locator('kk-felanmalan');
  const heading = widget.getByRole('heading', { name: 'Vad vill du anmäla?' });
  await expect(heading).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('rtl');
  expect(await widget.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
  // The "?" is drawn after the words (to their right), not before them as an rtl paragraph would put it.
  const marks = await heading.evaluate((element) => {
    const node = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode()!;
    const content = node.textContent ?? '';
    const left = (index: number) => {
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      return range.getBoundingClientRect().left;
    };
    return { first: left(content.indexOf('V')), question: left(content.indexOf('?')) };
  });
  expect(marks.question).toBeGreaterThan(marks.first);
});

test('two kommuner on one page: each widget shows its own kommun\'s categories and theme', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/tva-kommuner.html');
  const [exempelstad, grannby] = [page.locator('kk-felanmalan[kommun="exempelstad"]'), page.locator('kk-felanmalan[kommun="grannby"]')];
  await expect(exempelstad.getByRole('radio', { name: /Snöröjning/ })).toBeVisible();
  await expect(grannby.getByRole('radio')).toHaveCount(4);
  await expect(grannby.getByRole('radio', { name: /Snöröjning/ })).toHaveCount(0);
  await expect(exempelstad.getByRole('heading', { level: 3, name: 'Vad vill du anmäla?' })).toBeVisible();
  const primary = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).getPropertyValue('--kk-config-color-primary'));
  await expect.poll(() => primary(exempelstad)).toBe('#00594c');
  await expect.poll(() => primary(grannby)).toBe('#6b2c91');
  await startReport(page, grannby);
  expect(await axeViolations(page, 'kk-felanmalan')).toEqual([]);
  expect(violations).toEqual([]);
});

test('a page with the loader but no widget downloads the loader alone', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  // The page's own script would add a widget later; without it the page has none.
  await page.route('**/senare.js', (route) => route.abort());
  await page.goto('/senare.html', { waitUntil: 'networkidle' });
  expect(scripts.filter((path) => path.startsWith('/kommunkit/'))).toEqual(['/kommunkit/v1/kommunkit.js']);
});

test('a page with kk-felanmalan downloads only what it needs, and the map only when the place step opens', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/felanmalan.html');
  const widget = page.locator('kk-felanmalan');
  await expect(widget.getByRole('heading', { name: 'Vad vill du anmäla?' })).toBeVisible();
  const beforeMap = [...scripts];
  expect(beforeMap.every((path) => path.startsWith('/kommunkit/v1/'))).toBe(true);
  expect(beforeMap).toContain('/kommunkit/v1/kommunkit.js');
  expect(beforeMap.filter((path) => /\/map-/.test(path))).toEqual([]);
  // Only the loader, the shared runtime and forms kit, felanmälan's own chunk, and a few chunks
  // it shares with other widgets' later pages (named after their part: `loadable`, `lit`…): no
  // other service's code, no later page, and no translations on a Swedish page.
  const names = beforeMap.map((path) => path.replace(/-[\w-]{8}\.js$/, '').replace('/kommunkit/v1/', '')).sort();
  const fixed = ['chunks/felanmalan', 'chunks/forms', 'chunks/rolldown-runtime', 'chunks/runtime', 'kommunkit.js'];
  expect(names).toEqual(expect.arrayContaining(fixed));
  const shared = beforeMap.filter((path) => !fixed.some((name) => path.startsWith(`/kommunkit/v1/${name}`)));
  expect(shared.length).toBeLessThanOrEqual(4);
  for (const path of shared) {
    expect(path).not.toMatch(/locales|steps|map-/);
    // Another service's code names its routes or its element; shared library code names none.
    expect(await (await page.request.get(path)).text(), path).not.toMatch(/lokalbokning|barnomsorg|fakturor|kk-mina-fakturor/);
  }

  await startReport(page, widget);
  await expect.poll(() => scripts.filter((path) => /\/map-/.test(path)).length).toBeGreaterThan(0);
});
