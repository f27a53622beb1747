import { expect, test, type APIRequestContext } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { axeViolations, watchViolations } from './support.js';

/** Every page of the demo site: the start page and each HTML page the gateway serves from `public/`. */
const pages = ['/', ...readdirSync(new URL('../packages/demo/public/', import.meta.url)).filter((name) => name.endsWith('.html')).map((name) => `/${name}`)];

/** The hrefs of a page's header, breadcrumbs and footer (our own pages: plain, well-formed markup). */
function siteLinks(html: string): string[] {
  const blocks = [/<header[\s>][\s\S]*?<\/header>/, /<nav aria-label="Brödsmulor"[\s\S]*?<\/nav>/, /<footer[\s>][\s\S]*?<\/footer>/];
  return blocks.flatMap((block) => [...(block.exec(html)?.[0] ?? '').matchAll(/\shref="([^"]+)"/g)].map((match) => match[1]!));
}

async function answers200(request: APIRequestContext, href: string, from: string): Promise<void> {
  const response = await request.get(new URL(href, 'http://demo.invalid').pathname);
  expect(response.status(), `${href} (linked from ${from})`).toBe(200);
}

test('every link on the start page answers 200, and it links every service page, the snippet builder and the host pages', async ({ page, request }) => {
  await page.goto('/');
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  for (const href of new Set(hrefs)) await answers200(request, href, '/');
  const linked = new Set(hrefs.map((href) => new URL(href, 'http://demo.invalid').pathname));
  for (const path of pages.filter((path) => path !== '/')) expect(linked, `the start page links ${path}`).toContain(path);
});

test('the header, breadcrumb and footer links of every demo page answer 200, and every page has the favicon', async ({ request }) => {
  expect(pages.length).toBeGreaterThan(10);
  for (const path of pages) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    const links = siteLinks(html);
    expect(links, `${path} has a menu, and a footer with the accessibility statement`).toContain('/tillganglighet.html');
    for (const href of new Set(links)) await answers200(request, href, path);
    // A breadcrumb leads to the page it names, not back to the start page.
    const crumbs = /<nav aria-label="Brödsmulor"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    for (const [, href, name] of crumbs.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)) {
      if (name === 'Start') continue;
      const target = await (await request.get(href!)).text();
      expect(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(target)?.[1]?.replaceAll('&shy;', ''), `${path}: the breadcrumb "${name!}"`).toBe(name);
    }
    expect(html, `${path} names its favicon`).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml" />');
  }
  // The header and footer are written once (`partials/`): the menu marks the page it is on, and the partials themselves are not pages.
  for (const [path, item] of [['/', 'E-tjänster'], ['/trafik.html', 'Trafik och infrastruktur'], ['/snippet.html', 'För webbredaktörer']]) {
    const current = [...(await (await request.get(path!)).text()).matchAll(/<a href="[^"]+" aria-current="page">([^<]+)<\/a>/g)].map((match) => match[1]);
    expect(current, `${path!}: the menu item it is on`).toEqual([item]);
  }
  for (const path of pages) expect(await (await request.get(path)).text(), `${path}: every placeholder filled in`).not.toContain('{{');
  expect((await request.get('/partials/site-header.html')).status()).toBe(404);
  const icon = await request.get('/favicon.svg');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/);
});

test('at 320 CSS pixels the header and every page fit without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  // The hostile page's own CSS (72 px headings with 1em letter spacing) overflows on purpose.
  for (const path of pages.filter((path) => path !== '/hostile.html')) {
    await page.goto(path);
    await expect(page.locator('.site-header nav')).toBeVisible();
    const { scrollWidth, viewport, header } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
      header: document.querySelector('.site-header')!.scrollWidth,
    }));
    expect(header, `${path}: the header`).toBeLessThanOrEqual(viewport);
    expect(scrollWidth, `${path}: the page`).toBeLessThanOrEqual(viewport);
  }
});

test('the right-to-left page is no wider than its viewport, and the skip link still shows on focus', async ({ page }) => {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/rtl.html');
    await expect(page.locator('kk-felanmalan').getByRole('heading', { name: 'Vad vill du anmäla?' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Gå direkt till innehållet' });
  await expect(skip).toBeFocused();
  const box = (await skip.boundingBox())!;
  expect(box.width).toBeGreaterThan(50);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(320);
});

for (const path of ['/', '/felanmalan.html']) {
  test(`an anonymous visitor sees no console error on ${path}`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(path);
    if (path === '/') await expect(page.getByText('Du är inte inloggad.')).toBeVisible();
    else await expect(page.locator('kk-felanmalan').getByRole('heading', { name: 'Vad vill du anmäla?' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });
}

const created = ['/', '/trafik.html', '/folj-arende.html', '/mina-anmalningar.html', '/reservtext.html', '/testsidor.html', '/tillganglighet.html'];
for (const path of created) {
  test(`${path} passes axe and breaks no CSP`, async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    expect(violations).toEqual([]);
  });
}

test('the accessibility statement follows DIGG\'s model and names its known shortcomings', async ({ page }) => {
  await page.goto('/tillganglighet.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Tillgänglighets\u00adredogörelse/);
  for (const heading of [
    'Hur tillgänglig är webbplatsen?',
    'Vad kan du göra om du inte kan använda delar av webbplatsen?',
    'Rapportera brister i webbplatsens tillgänglighet',
    'Tillsyn',
    'Teknisk information om webbplatsens tillgänglighet',
    'Innehåll som inte är tillgängligt',
    'Bristande förenlighet med lagkraven',
    'Hur vi testat webbplatsen',
  ]) {
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByText(/WCAG 1\.4\.3/)).toBeVisible();
});

test('the fallback text inside the element shows when the script cannot load, and gives way to the widget when it can', async ({ page }) => {
  const fallback = page.getByText('Felanmälan kan inte visas just nu.');
  await page.goto('/reservtext.html');
  await expect(page.locator('kk-felanmalan').getByRole('heading', { name: 'Vad vill du anmäla?' })).toBeVisible();
  await expect(fallback).toBeHidden();

  // The loader itself cannot load (the gateway is unreachable, or the CMS dropped the script tag).
  await page.route('**/kommunkit/v1/kommunkit.js', (route) => route.abort());
  await page.goto('/reservtext.html');
  await expect(fallback).toBeVisible();
  expect(await fallback.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(27, 27, 27)');
  await page.unrouteAll();

  // The loader loads but the widget's chunk does not: the placeholder gives the text back.
  await page.route('**/kommunkit/v1/chunks/**', (route) => route.abort());
  await page.goto('/reservtext.html');
  await expect(page.locator('kk-felanmalan[data-kk-failed]')).toHaveCount(1);
  await expect(fallback).toBeVisible();
  expect(await fallback.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(27, 27, 27)');
});
