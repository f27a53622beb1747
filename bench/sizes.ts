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

/** Chunks every page with widgets may share, by their name in the embed's Vite config. */
const sharedChunks: readonly { name: string; label: string; budget?: number }[] = [
  { name: 'runtime', label: 'shared runtime: Lit, ui core, SDK core (every widget)', budget: budgets.runtime },
  { name: 'forms', label: "shared forms kit: ui's form parts (every widget)" },
  { name: 'citizen', label: 'shared citizen kit: login, dates and amounts, citizen calls (the logged-in widgets)' },
];

/**
 * Builds the embed bundle and weighs its parts from Vite's manifest: the loader, the shared
 * chunks, each service's own chunks (without the lazily loaded map), the map, and what a page
 * with one service downloads before anyone opens the map.
 */
export async function bundleSizes(): Promise<Row[]> {
  execFileSync('pnpm', ['--filter', '@kommunkit/embed', 'build'], { stdio: 'pipe' });
  const dist = join(embedDir, 'dist');
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const chunks = Object.entries(manifest);
  const keysNamed = (name: string) => chunks.filter(([, chunk]) => chunk.file.startsWith(`chunks/${name}-`)).map(([key]) => key);
  const loaderKey = chunks.find(([, chunk]) => chunk.isEntry === true)![0];
  const mapKeys = new Set(keysNamed('map'));
  const shared = sharedChunks.map((chunk) => ({ ...chunk, keys: keysNamed(chunk.name) }));
  const sharedKeys = new Set(shared.flatMap(({ keys }) => keys));

  /** A chunk and everything it imports statically. */
  const staticClosure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) staticClosure(imported, seen);
    return seen;
  };
  const files = (keys: Iterable<string>) => [...keys].map((key) => manifest[key]!.file);

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
  const rows: Row[] = [
    { group, name: 'Lit alone, bundled the same way (reference)', value: format(floor), numbers: { ...floor } },
    row('loader (kommunkit.js)', files([loaderKey]), budgets.loader),
  ];
  for (const { label, keys, budget } of shared) rows.push(row(label, files(keys), budget, floor));
  for (const widgetKey of manifest[loaderKey]!.dynamicImports ?? []) {
    const closure = [...staticClosure(widgetKey)].filter((key) => !mapKeys.has(key));
    // A widget's chunk is named after its service (the embed config's widget group).
    const service = manifest[widgetKey]!.name ?? widgetKey;
    const uses = shared.filter(({ keys }) => keys.some((key) => closure.includes(key))).map(({ name }) => name);
    rows.push(row(`service: ${service}, its own chunks (without the map)`, files(closure.filter((key) => !sharedKeys.has(key))), budgets.service));
    rows.push(row(`page with ${service}: loader + ${[...uses, service].join(' + ')}, before the map opens`, files([loaderKey, ...closure]), budgets.page, floor));
  }
  // A widget's other lazy features (felanmälan's "Följ ärende"), apart from the map and translations.
  for (const widgetKey of manifest[loaderKey]!.dynamicImports ?? []) {
    for (const key of manifest[widgetKey]?.dynamicImports ?? []) {
      if (mapKeys.has(key) || key.includes('/locales/')) continue;
      const closure = [...staticClosure(key)].filter((chunk) => !staticClosure(widgetKey).has(chunk));
      const feature = /(?:^|\/)([^/]+)\/src\/(.+)\.ts$/.exec(key);
      rows.push(row(`lazy chunk: ${feature ? `${feature[1]}'s ${feature[2]}` : key} (loaded when first needed)`, files(closure)));
    }
  }
  for (const key of mapKeys) {
    const own = /(?:^|\/)([^/]+)\/src\//.exec(key)?.[1];
    const name = own ? `${own}'s map module` : 'Leaflet';
    rows.push(row(`map chunk: ${name} (loaded when its map first shows)`, files([key])));
  }
  return rows;
}
