#!/usr/bin/env node
// The built Storybook as a test layer: every story of `storybook-static` (its index.json) opened
// in Debian Chromium over loopback HTTP, the way a developer opens the published Storybook. A
// story fails when it renders nothing into #storybook-root (or leaves a custom element
// undefined), when the page logs an error or throws, when its play function throws, when
// Storybook reports it failed (the a11y addon's report included), or when axe finds a violation.
// Dev mode and the Vitest story layer do not tree-shake, so only the built output shows what
// `sideEffects` or a bundler setting dropped.
//
// A story that renders nothing on purpose carries the tag `renders-nothing`: then it must render
// nothing, with every custom element defined. One more test switches the toolbar's locale (sv by
// default) to English and expects the open story to follow. Run `pnpm build-storybook` first;
// STORYBOOK_STATIC_FILTER=<part of an id> runs some stories only.
/* global window, document, requestAnimationFrame, Node, customElements -- in functions that run in the page */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { chromium } from 'playwright';
import { launchOptions } from './chromium.mjs';
import { recordResults, summaryLine } from './results.mjs';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'storybook-static'));
const layer = process.env.TEST_LAYER || 'storybook-static';
// Pages at once: the stories mostly wait on timers and mocked requests, so a few more pages than
// cores keeps a 2-core machine busy without starving Chromium.
const concurrency = Number(process.env.STORYBOOK_STATIC_PAGES ?? Math.min(6, availableParallelism() + 2));
const storyTimeout = 30_000;
const only = process.env.STORYBOOK_STATIC_FILTER;

if (!existsSync(join(root, 'index.json'))) {
  console.error(`${root}/index.json is missing: run \`pnpm build-storybook\` first.`);
  recordResults(layer, { passed: 0, failed: 1 });
  process.exit(1);
}

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter(
  (entry) => entry.type === 'story' && (!only || entry.id.includes(only)),
);

// axe-core (the devDependency) is served beside the build, so the browser caches it too.
const axeFile = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const axePath = '/__axe-core.js';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static file server for the build on 127.0.0.1; nothing outside `root` is served. */
function serve() {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    // Chromium asks for /favicon.ico whatever the page says; Storybook ships an SVG one.
    let file = path === axePath ? axeFile : resolve(root, path === '/favicon.ico' ? 'favicon.svg' : `.${path}`);
    if (file !== axeFile && file !== root && !file.startsWith(root + sep)) return response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return response.writeHead(404).end();
    // The hashed assets may be cached: each story opens a fresh page, and the browser's cache
    // (and its compiled-code cache) spares it parsing the same megabytes again.
    const cache = path.startsWith('/assets/') || path === axePath ? 'max-age=3600, immutable' : 'no-store';
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

// Runs in each page before Storybook's preview starts: records the channel's story events.
// Storybook sets its channel on a global; a setter there attaches the listeners in time.
function recordStoryEvents() {
  const events = [];
  Object.defineProperty(window, '__kkStoryEvents', { value: events });
  const plain = (value) => {
    try {
      return JSON.parse(JSON.stringify(value ?? null));
    } catch {
      return null;
    }
  };
  const error = (payload) => ({ message: String(payload?.message ?? payload?.description ?? payload), stack: String(payload?.stack ?? '') });
  const handlers = {
    storyPrepared: (payload) => ({ a11y: plain(payload?.parameters?.a11y) }),
    storyFinished: (payload) => ({
      status: payload?.status,
      reports: (payload?.reporters ?? []).map((report) => ({
        type: report.type,
        status: report.status,
        violations: (report.result?.violations ?? []).map((violation) => `${violation.id}: ${violation.help}`),
      })),
    }),
    storyRendered: () => ({}),
    playFunctionThrewException: error,
    storyThrewException: error,
    storyErrored: (payload) => ({ message: `${payload?.title ?? ''} ${payload?.description ?? ''}`.trim() }),
    storyMissing: (payload) => ({ message: `story missing: ${payload}` }),
    unhandledErrorsWhilePlaying: (payload) => ({ message: (payload ?? []).map((item) => item?.message ?? String(item)).join('; ') }),
  };
  const seen = new WeakSet();
  let current;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => current,
    set(channel) {
      current = channel;
      if (!channel || typeof channel.on !== 'function' || seen.has(channel)) return;
      seen.add(channel);
      for (const [name, read] of Object.entries(handlers)) channel.on(name, (payload) => events.push({ name, ...read(payload) }));
    },
  });
}

/** In the page: waits for every Lit element under the root to finish updating, then two frames. */
async function settle() {
  const elements = [];
  const walk = (node) => {
    for (const element of node.querySelectorAll('*')) {
      elements.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  for (let round = 0; round < 3; round += 1) {
    elements.length = 0;
    walk(document.querySelector('#storybook-root') ?? document);
    await Promise.all(elements.map((element) => element.updateComplete).filter(Boolean));
  }
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}

/** In the page: what #storybook-root shows, through every shadow root. */
function rendered() {
  const root = document.querySelector('#storybook-root');
  if (!root) return { missing: true };
  const undefinedElements = new Set();
  let text = '';
  let visuals = 0;
  let boxes = 0;
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) text += child.data.trim();
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const tag = child.localName;
      if (tag.includes('-') && !customElements.get(tag)) undefinedElements.add(tag);
      if (['style', 'script', 'template'].includes(tag)) continue;
      const box = child.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) {
        boxes += 1;
        if (['img', 'svg', 'canvas', 'input', 'select', 'textarea', 'button', 'video'].includes(tag)) visuals += 1;
      }
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  walk(root);
  return { undefinedElements: [...undefinedElements], text: text.length, visuals, boxes, elements: root.children.length };
}


/** In the page: axe on the story, with the story's own a11y parameters (as the a11y addon reads them). */
async function runAxe(a11y) {
  const config = a11y?.config ?? {};
  // A story is a fragment of a page: the host page owns the landmarks, so `region` does not apply.
  const rules = { region: { enabled: false } };
  for (const rule of config.rules ?? []) rules[rule.id] = { enabled: rule.enabled !== false };
  const result = await window.axe.run(document.querySelector('#storybook-root'), { ...(a11y?.options ?? {}), rules: { ...(a11y?.options?.rules ?? {}), ...rules } });
  return result.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Opens one story in a fresh page and returns what is wrong with it (nothing when it passes). */
async function check(context, story, origin) {
  const problems = [];
  let page;
  try {
    page = await context.newPage();
  } catch (error) {
    return [`could not open a page: ${error.message}`];
  }
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // The mocked gateway answers 4xx/5xx on purpose, and Chromium logs each as "Failed to load
  // resource"; those are the story's state. What must not fail is the build itself (a missing
  // asset on the static server) and a request no mock answers (MSW warns about it).
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().startsWith(origin)) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(origin)) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource:')) problems.push(`console error: ${text}`);
    if (text.includes('[MSW]') && /without a matching request handler/.test(text)) problems.push(`unmocked request: ${text.split('\n')[0]}`);
  });
  try {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'commit' });
    const done = ['storyFinished', 'storyMissing', 'storyErrored'];
    await page
      .waitForFunction((names) => window.__kkStoryEvents.some((event) => names.includes(event.name)), done, { timeout: storyTimeout, polling: 50 })
      .catch(() => problems.push(`did not finish within ${storyTimeout / 1000} s`));
    const events = await page.evaluate(() => window.__kkStoryEvents);
    for (const event of events) {
      if (['playFunctionThrewException', 'storyThrewException', 'storyErrored', 'storyMissing', 'unhandledErrorsWhilePlaying'].includes(event.name))
        problems.push(`${event.name}: ${event.message}`);
      if (event.name === 'storyFinished' && event.status !== 'success') {
        const failed = event.reports.filter((report) => report.status === 'failed');
        problems.push(`Storybook reports the story failed${failed.map((report) => ` (${report.type}: ${report.violations.join('; ')})`).join('')}`);
      }
    }
    await page.evaluate(settle);
    const shown = await page.evaluate(rendered);
    const expectNothing = story.tags?.includes('renders-nothing');
    if (shown.missing) problems.push('no #storybook-root');
    else {
      if (shown.undefinedElements.length > 0) problems.push(`custom elements never defined: ${shown.undefinedElements.join(', ')}`);
      const blank = shown.boxes === 0 || (shown.text === 0 && shown.visuals === 0);
      if (expectNothing && (!blank || shown.elements === 0)) problems.push('tagged renders-nothing, but it renders something (or has no element)');
      if (!expectNothing && blank) problems.push('blank: nothing rendered in #storybook-root');
    }
    if (!expectNothing && !shown.missing) {
      await page.addScriptTag({ url: axePath });
      const a11y = events.find((event) => event.name === 'storyPrepared')?.a11y;
      for (const violation of await page.evaluate(runAxe, a11y)) problems.push(`axe: ${violation}`);
    }
  } catch (error) {
    problems.push(`could not be checked: ${error.message}`);
  } finally {
    await page.close().catch(() => {});
  }
  return problems;
}

/** Opens `id` in Swedish, switches the toolbar's locale global to English, and reads the widget's heading. */
async function checkLocaleSwitch(browser, origin, id) {
  const context = await browser.newContext();
  await context.addInitScript(recordStoryEvents);
  const page = await context.newPage();
  const problems = [];
  const heading = (text) =>
    page
      .waitForFunction((expected) => document.querySelector('kk-felanmalan')?.shadowRoot?.querySelector('[data-kk-focus-target]')?.textContent?.includes(expected), text, { timeout: storyTimeout })
      .then(() => true, () => false);
  try {
    await page.goto(`${origin}/iframe.html?id=${id}&viewMode=story`, { waitUntil: 'commit' });
    if (!(await heading('Vad vill du anmäla?'))) problems.push('not in Swedish by default');
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'sv') problems.push('<html lang> is not sv by default');
    await page.evaluate(() => window.__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', { globals: { locale: 'en' } }));
    if (!(await heading('What do you want to report?'))) problems.push('not in English after the switch');
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'en') problems.push('<html lang> is not en after the switch');
  } catch (error) {
    problems.push(`could not be checked: ${error.message}`);
  } finally {
    await context.close();
  }
  return problems;
}

const started = Date.now();
const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(launchOptions);
const counts = { passed: 0, failed: 0 };
const failures = [];
try {
  // One context per lane: its pages share the mock service worker's registration, and each story
  // gets a page of its own (sessionStorage, the SDK's per-page client and custom elements are per page).
  const queue = [...stories];
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      await context.addInitScript(recordStoryEvents);
      for (let story = queue.shift(); story; story = queue.shift()) {
        const begun = Date.now();
        const problems = await check(context, story, origin);
        const time = `${((Date.now() - begun) / 1000).toFixed(1)} s`;
        if (problems.length === 0) {
          counts.passed += 1;
          console.log(`  ✓ ${story.title} › ${story.name} (${time})`);
        } else {
          counts.failed += 1;
          failures.push({ story, problems });
          console.log(`  ✗ ${story.title} › ${story.name} (${time})`);
        }
      }
      await context.close();
    }),
  );
  // The toolbar's "Språk": Swedish by default, and switching it renders the open story in English.
  const localeStory = 'felanmalan-kk-felanmalan--categories';
  if (stories.some((story) => story.id === localeStory)) {
    const problems = await checkLocaleSwitch(browser, origin, localeStory);
    if (problems.length === 0) {
      counts.passed += 1;
      console.log('  ✓ toolbar locale: sv by default, English after the switch');
    } else {
      counts.failed += 1;
      failures.push({ story: { title: 'toolbar locale', name: localeStory, id: localeStory }, problems });
      console.log('  ✗ toolbar locale');
    }
  }
} finally {
  await browser.close();
  server.close();
}

for (const { story, problems } of failures) {
  console.log(`\n✗ ${story.title} › ${story.name}  ${origin.replace(/:\d+$/, ':PORT')}/iframe.html?id=${story.id}`);
  for (const problem of [...new Set(problems)]) console.log(`    ${problem.slice(0, 600)}`);
}
if (stories.length === 0) counts.failed += 1;
recordResults(layer, counts);
console.log(`\n${stories.length} stories in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${layer}: ${summaryLine(counts)}`);
process.exit(counts.failed > 0 ? 1 : 0);
