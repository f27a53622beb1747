import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchOptions } from '../scripts/test/chromium.mjs';
import { bundleLitModule } from './lit-bundle.js';
import { buildGateway } from '../packages/gateway/src/app.js';
import { loadConfig } from '../packages/gateway/src/config/load.js';
import { openDatabase } from '../packages/gateway/src/db/database.js';
import type { Row } from './table.js';

const runs = Number(process.env.BENCH_RENDER_RUNS ?? 20);

/** A bare Lit element with the same number of fields, rendered without any network. */
async function buildBareElement(dir: string, fields: number): Promise<void> {
  await bundleLitModule(
    dir,
    "import { LitElement, html } from 'lit';\n" +
      'class Bare extends LitElement {\n' +
      `  render() { return html\`<fieldset><legend>Kategori</legend>\${Array.from({ length: ${String(fields)} }, (_, i) => html\`<input type="radio" name="c" id="c\${i}"><label for="c\${i}">Kategori \${i}</label>\`)}</fieldset>\`; }\n` +
      '}\n' +
      "customElements.define('kk-bare', Bare);\n",
    'bare.js',
  );
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Time from a widget's connection to its first meaningful render — the first question the
 * citizen can answer — in Debian Chromium against the local gateway, each run on a fresh page.
 * Beside it, a bare Lit element with as many fields.
 */
export async function renderTimes(): Promise<Row[]> {
  process.env.PORT = '8182';
  const site = mkdtempSync(join(tmpdir(), 'kk-render-'));
  const config = loadConfig(resolve(import.meta.dirname, '../packages/gateway/config/exempelstad.json'));
  config.devIdentityProvider = false;
  const fields = config.kommunById.get('exempelstad')!.services.felanmalan!.categories.length;
  await buildBareElement(site, fields);
  writeFileSync(
    join(site, 'bench.html'),
    `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>bench</title>` +
      `<script type="module" src="{{gateway}}/kommunkit/v1/kommunkit.js"></script><script type="module" src="/bare.js"></script></head><body></body></html>`,
  );
  const db = await openDatabase({ url: process.env.DATABASE_URL || undefined });
  const gateway = await buildGateway({ config, db, logger: false, siteRoot: site, embedRoot: resolve(import.meta.dirname, '../packages/embed/dist') });
  await gateway.listen({ port: 8182, host: 'localhost' });
  const browser = await chromium.launch(launchOptions);
  try {
    const measure = async (tag: string, attributes: Record<string, string>): Promise<number[]> => {
      const times: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const page = await browser.newPage();
        await page.goto('http://localhost:8182/bench.html');
        // A string, not a function: tsx would otherwise add helpers the page does not have.
        times.push(
          await page.evaluate<number>(`(async () => {
            const element = document.createElement(${JSON.stringify(tag)});
            for (const [name, value] of Object.entries(${JSON.stringify(attributes)})) element.setAttribute(name, value);
            const start = performance.now();
            document.body.append(element);
            await new Promise((done) => {
              const check = () => (element.shadowRoot?.querySelector('input, select, textarea') ? done() : requestAnimationFrame(check));
              check();
            });
            return performance.now() - start;
          })()`),
        );
        await page.close();
      }
      return times;
    };
    const widget = await measure('kk-felanmalan', { kommun: 'exempelstad' });
    const bare = await measure('kk-bare', {});
    const group = `render time in Chromium (${String(runs)} runs each, fresh page, local gateway)`;
    const describe = (times: number[]) => `median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`;
    return [
      { group, name: `bare Lit element with ${String(fields)} fields (reference)`, value: describe(bare), numbers: { median: median(bare) } },
      {
        group,
        name: 'kk-felanmalan: connection → first question (incl. chunk and categories)',
        value: describe(widget),
        ratio: `${(median(widget) / median(bare)).toFixed(1)} × bare Lit`,
        numbers: { median: median(widget) },
      },
    ];
  } finally {
    await browser.close();
    await gateway.close();
    await db.destroy();
    rmSync(site, { recursive: true, force: true });
  }
}
