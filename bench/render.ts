import { chromium, type Browser } from 'playwright-core';
import { launchOptions } from '../scripts/test/chromium.mjs';
import { buildFloors, floors } from './render-floor.js';
import { loaderUrl, origin, startBenchSite, widgets, writeDetector, writePage, type BenchSite, type BenchWidget } from './render-site.js';
import type { Row } from './table.js';

const runs = Number(process.env.BENCH_RENDER_RUNS ?? 20);
/** Each widget's goal: its time at most this many times its fair floor's. */
const goal = 1.3;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const describe = (times: number[]) => `median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`;
const escape = (value: string) => value.replaceAll('"', '&quot;');

/** One cold run: a new browser context (empty cache, the person's session cookie), one page. */
async function coldRun(browser: Browser, site: BenchSite, widget: BenchWidget, run: (page: import('playwright-core').Page) => Promise<number>): Promise<number> {
  const context = await browser.newContext();
  try {
    await site.logIn(context, widget.person);
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** From `document.body.append(element)` on a page whose loader has run, to the first view. */
const fromConnection = (url: string, tag: string, selector: string) => async (page: import('playwright-core').Page) => {
  await page.goto(url);
  // A string, not a function: tsx would otherwise add helpers the page does not have.
  return page.evaluate<number>(`(async () => {
    const element = document.createElement(${JSON.stringify(tag)});
    element.setAttribute('kommun', 'exempelstad');
    const start = performance.now();
    document.body.append(element);
    return (await kkFirstView(element, ${JSON.stringify(selector)})) - start;
  })()`);
};

/** performance.now() (from navigation start) at the first view of a page that holds the snippet. */
const fromNavigation = (url: string) => async (page: import('playwright-core').Page) => {
  // The detector is a classic script in the HTML: it has run by DOMContentLoaded.
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page.evaluate<number>('window.kkFirst');
};

/**
 * Each widget's time to its first view in Debian Chromium against the local gateway, beside its
 * fair floor (render-floor.ts), every run cold: a new browser context, so nothing is cached.
 * Two measures: from the element's connection (the loader already on the page), and from
 * navigation start on a page whose HTML holds the one-tag snippet and the element. Widget and
 * floor runs alternate, so drift in the machine's load touches both alike.
 */
export async function renderTimes(): Promise<Row[]> {
  const site = await startBenchSite();
  const browser = await chromium.launch(launchOptions);
  try {
    writeDetector(site);
    await buildFloors(site.dir);
    const detector = '<script src="/detect.js"></script>';
    const widgetLoader = `<script type="module" src="${loaderUrl}"></script>`;
    const floorLoader = `<script type="module" src="${origin}/floor/loader.js"></script>`;
    const connectPage = writePage(site, 'connect.html', widgetLoader + detector, '');
    const connectFloorPage = writePage(site, 'connect-floor.html', floorLoader + detector, '');
    const group = `render time in Chromium (${String(runs)} cold runs each: a new browser context per run; local gateway)`;
    const rows: Row[] = [];
    for (const widget of widgets) {
      const floor = floors[widget.tag]!;
      const floorSelector = floor.render === 'radios' ? 'input[type=radio]' : 'li, .kk-list__empty';
      const snippet = (tag: string, selector: string) => `<${tag} kommun="exempelstad"></${tag}><script src="/detect.js" data-tag="${tag}" data-selector="${escape(selector)}"></script>`;
      const navigatePage = writePage(site, `${widget.tag}.html`, widgetLoader, snippet(widget.tag, widget.firstView));
      const navigateFloorPage = writePage(site, `${floor.tag}.html`, floorLoader, snippet(floor.tag, floorSelector));
      const times = { connect: [] as number[], connectFloor: [] as number[], navigate: [] as number[], navigateFloor: [] as number[] };
      // One run of each first, not counted: the gateway's first answers warm its code paths.
      await coldRun(browser, site, widget, fromConnection(connectPage, widget.tag, widget.firstView));
      await coldRun(browser, site, widget, fromConnection(connectFloorPage, floor.tag, floorSelector));
      for (let run = 0; run < runs; run += 1) {
        times.connect.push(await coldRun(browser, site, widget, fromConnection(connectPage, widget.tag, widget.firstView)));
        times.connectFloor.push(await coldRun(browser, site, widget, fromConnection(connectFloorPage, floor.tag, floorSelector)));
        times.navigate.push(await coldRun(browser, site, widget, fromNavigation(navigatePage)));
        times.navigateFloor.push(await coldRun(browser, site, widget, fromNavigation(navigateFloorPage)));
      }
      const who = widget.person ? 'logged in' : 'anonymous';
      const requests = `${String(floor.requests.length)} requests in parallel`;
      const pair = (measure: string, own: number[], floorTimes: number[]): Row[] => [
        { group, name: `${widget.tag} fair floor, ${measure}: bare Lit chunk, ${requests} (${who})`, value: describe(floorTimes), numbers: { median: median(floorTimes) } },
        {
          group,
          name: `${widget.tag}, ${measure} → ${widget.label}`,
          value: describe(own),
          budget: `≤ ${String(goal)} × floor`,
          ratio: `${(median(own) / median(floorTimes)).toFixed(1)} × floor`,
          met: median(own) <= goal * median(floorTimes),
          numbers: { median: median(own), floor: median(floorTimes) },
        },
      ];
      rows.push(...pair('connection', times.connect, times.connectFloor), ...pair('navigation start (one-tag snippet)', times.navigate, times.navigateFloor));
    }
    return rows;
  } finally {
    await browser.close();
    await site.close();
  }
}
