import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bundleLitModule } from './lit-bundle.js';
import type { Row } from './table.js';

const embedDir = resolve(import.meta.dirname, '../packages/embed');
const kb = 1024;
const budgets = { loader: 1 * kb, runtime: 14 * kb, service: 15 * kb, page: 35 * kb };

interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

function sizeOf(files: readonly string[], dir: string): Size {
  const bytes = Buffer.concat(files.map((file) => readFileSync(join(dir, file))));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const format = (size: Size) => `${(size.gzip / kb).toFixed(1)} KB gz, ${(size.brotli / kb).toFixed(1)} KB br, ${(size.raw / kb).toFixed(1)} KB raw`;

/** Lit alone, bundled the way the embed is: the floor every widget stands on. */
async function litFloor(): Promise<Size> {
  const dir = mkdtempSync(join(tmpdir(), 'kk-lit-floor-'));
  try {
    await bundleLitModule(
      dir,
      "import { LitElement, html, css } from 'lit';\n" +
        "class Floor extends LitElement { static styles = css`:host{display:block}`; render() { return html`<p>${'hej'}</p>`; } }\n" +
        "customElements.define('kk-floor', Floor);\n",
      'lit.js',
    );
    return sizeOf(['lit.js'], dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Builds the embed bundle and weighs its parts from Vite's manifest: the loader, the shared
 * runtime, each service's own chunks (without the lazily loaded map), the map, and what a
 * page with one service downloads before anyone opens the map.
 */
export async function bundleSizes(): Promise<Row[]> {
  execFileSync('pnpm', ['--filter', '@kommunkit/embed', 'build'], { stdio: 'pipe' });
  const dist = join(embedDir, 'dist');
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const chunks = Object.entries(manifest);
  const keyOf = (predicate: (chunk: ManifestChunk) => boolean) => chunks.find(([, chunk]) => predicate(chunk))?.[0];
  const loaderKey = keyOf((chunk) => chunk.isEntry === true)!;
  const runtimeKey = keyOf((chunk) => /(^|\/)runtime-/.test(chunk.file));
  const mapKeys = new Set(chunks.filter(([, chunk]) => /(^|\/)map-/.test(chunk.file)).map(([key]) => key));

  /** A chunk and everything it imports statically, leaving out the runtime. */
  const staticClosure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key) || key === runtimeKey) return seen;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) staticClosure(imported, seen);
    return seen;
  };

  const group = 'bundle sizes (gzip level 9, brotli 11)';
  const row = (name: string, files: string[], budget?: number, floor?: Size): Row => {
    const size = sizeOf(files, dist);
    return {
      group,
      name,
      value: format(size),
      ...(budget ? { budget: `≤ ${String(budget / kb)} KB gz`, ok: size.gzip <= budget } : {}),
      ...(floor ? { ratio: `${(size.gzip / floor.gzip).toFixed(2)} × Lit alone` } : {}),
      numbers: { ...size },
    };
  };

  const floor = await litFloor();
  const loader = manifest[loaderKey]!.file;
  const runtime = runtimeKey ? [manifest[runtimeKey]!.file] : [];
  const rows: Row[] = [
    { group, name: 'Lit alone, bundled the same way (reference)', value: format(floor), numbers: { ...floor } },
    row('loader (kommunkit.js)', [loader], budgets.loader),
    row('shared runtime (Lit, ui, sdk)', runtime, budgets.runtime, floor),
  ];
  for (const widgetKey of manifest[loaderKey]!.dynamicImports ?? []) {
    const own = [...staticClosure(widgetKey)].filter((key) => !mapKeys.has(key)).map((key) => manifest[key]!.file);
    const service = /(?:^|\/)([^/]+)\/src\//.exec(widgetKey)?.[1] ?? widgetKey;
    rows.push(row(`service: ${service} (without the map)`, own, budgets.service));
    rows.push(row(`page with ${service}, before the map opens`, [loader, ...runtime, ...own], budgets.page, floor));
  }
  for (const key of mapKeys) {
    const own = /(?:^|\/)([^/]+)\/src\//.exec(key)?.[1];
    const name = own ? `${own}'s map module` : 'Leaflet';
    rows.push(row(`map chunk: ${name} (loaded when the place step opens)`, [manifest[key]!.file]));
  }
  return rows;
}
