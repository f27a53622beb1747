import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defineConfig, type Plugin } from 'vite';
import { precompressed } from './precompress.js';

/**
 * The production bundle served at /kommunkit/v1/: the loader keeps its name (pages link to it,
 * so it gets a short cache), everything else is a hashed, immutable chunk. Leaflet has a chunk
 * of its own that only the map step loads. On a cold page every chunk is one more request, and
 * each costs the browser a few milliseconds before it is even sent (bench/README.md), so a
 * widget's first view is a handful of chunks, each with exactly the Lit modules its code uses
 * (rolldown captures a group's static dependencies):
 * - `runtime`, what every widget needs: ui's element base, tokens, texts, feedback and kommun
 *   info, and the SDK's core;
 * - `forms`, ui's form parts (fields, FormController, error summary, flow, summary list,
 *   questions) and drafts (ui's and the SDK's), which every widget's first view uses today
 *   (mina fakturor's through its login gate); and what every widget's first view uses but the
 *   runtime's budget has no room for (@lit/task, ui's lazy features);
 * - `citizen`, what the logged-in widgets' first views share and felanmälan's does not;
 * - one chunk per widget: its define module and everything else its first view needs that no
 *   other widget's does (its SDK module and rules, which it shares with its lazy features).
 * Left out, each in a chunk of its own that travels with the widgets that use it: translations
 * (loaded only for pages in another language), what only a page that is not set up loads (the
 * SDK's embedding check, ui's setup notice), ui's parts only some widgets use (numbers, status
 * history, pager, list/detail, grid, places map, the sessionStorage guard of drafts and login)
 * and Lit modules only some widgets use (the ref directive).
 */
const sep = String.raw`[\\/]`;
const notShared = new RegExp(
  `${sep}locales${sep}|packages${sep}sdk${sep}src${sep}(services${sep}|embedding)|packages${sep}contract${sep}src${sep}[a-z-]+-(rules|routes)\\.ts|packages${sep}ui${sep}src${sep}(auth${sep}|kommun${sep}setup-notice|format|numbers|plural|status-history|pager|list-detail|grid|session-storage|places-map${sep}|loadable|lazy-features)`,
);
const formsModules = new RegExp(`packages${sep}ui${sep}src${sep}(forms|drafts)${sep}|packages${sep}sdk${sep}src${sep}drafts\\.ts`);
const runtimeModules = new RegExp(`packages${sep}(ui|sdk|contract)${sep}src${sep}`);
// Most widgets' first views use these (@lit/task and lazy features every one; loadable three, the
// ref directive felanmälan's): in forms, they are not one more request each, for a few hundred
// bytes on the pages that do not use them.
const firstViewModules = new RegExp(`node_modules${sep}@lit${sep}task${sep}|node_modules${sep}lit(-html)?${sep}(development${sep})?directives${sep}ref\\.js|packages${sep}ui${sep}src${sep}(lazy-features|loadable)\\.ts`);
const inForms = (id: string): boolean => (formsModules.test(id) && !notShared.test(id)) || firstViewModules.test(id);
const inRuntime = (id: string): boolean => runtimeModules.test(id) && !inForms(id) && !notShared.test(id);
// What the first views of the logged-in widgets (lokalbokning, barnomsorg, mina fakturor) all use
// and felanmälan's does not: the login controller and its reader key, dates and amounts, the
// SDK's citizen calls. One chunk, not four requests; no page loads more for it.
const citizenModules = new RegExp(`packages${sep}ui${sep}src${sep}(auth${sep}(auth-controller|reader-key)|format)\\.ts$|packages${sep}sdk${sep}src${sep}services${sep}citizen-call\\.ts$`);
// ui's other parts and the Lit modules the runtime leaves out: each a chunk of its own, as rolldown
// would split them, named here so that no widget's own chunk below takes one in (a part in one
// widget's chunk would make every other widget that uses it load that widget). ui's translations
// stay with the widgets' own.
const part = new RegExp(`packages${sep}ui${sep}src${sep}(?!locales${sep})([a-z-]+)|node_modules${sep}(?:\\.pnpm${sep}[^\\\\/]+${sep}node_modules${sep})?((?:@[a-z-]+${sep})?[a-z-]+)`);
const partName = (id: string): string | null => {
  const [, uiPart, library] = part.exec(id) ?? [];
  return uiPart ?? library?.replace(/[@/\\]/g, '') ?? null;
};
// A widget's define module with everything it imports that no group above has taken: its first
// view in one chunk (rolldown would otherwise split off its SDK module and rules, shared with its
// lazy features).
const widget = new RegExp(`packages${sep}([a-z]+)${sep}src${sep}define\\.ts$`);

/**
 * Without help the browser learns a widget's shared chunks only once its define chunk has
 * arrived and been parsed: loader, then define, then runtime, forms and the rest, one round trip
 * each (and a third when a shared chunk imports another). This writes into the loader, for
 * each widget, the chunks its define chunk imports (directly or not), so that the loader asks
 * for all of them at once, and into each chunk the same for the lazy features it imports. Only
 * names go in (the closure of static imports, from the bundle itself), nothing more is
 * downloaded, and the module graph, so the manifest, stays as it was.
 */
function flatWidgetChunks(): Plugin {
  return {
    name: 'kommunkit:flat-widget-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunkFile = /^chunks\/(.+)\.js$/;
      const closure = (file: string, seen: Set<string>): Set<string> => {
        const chunk = bundle[file];
        if (seen.has(file) || chunk?.type !== 'chunk') return seen;
        seen.add(file);
        for (const imported of chunk.imports) closure(imported, seen);
        return seen;
      };
      const loader = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
      if (loader?.type !== 'chunk') return this.error('no loader in the bundle');
      // A part that two widgets use, left in one widget's chunk, would load that widget (and
      // define its element) on the other's pages.
      const widgetChunks = new Set(loader.dynamicImports);
      for (const chunk of Object.values(bundle)) {
        const needed = chunk.type === 'chunk' ? [...closure(chunk.fileName, new Set())].filter((file) => widgetChunks.has(file)) : [];
        if (needed.length > 1) this.error(`${chunk.fileName} loads the chunks of ${needed.join(' and ')}: a shared part is in one widget's chunk`);
      }
      // Every dynamic import, the loader's of each widget and each chunk's of its lazy features
      // (barnomsorg's overview: the list and its styles), with the chunks it needs that its
      // importer has not loaded. A chunk's hash stays right: the names written in are those its
      // imports' hashes cover.
      let widgets = 0;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const loaded = closure(chunk.fileName, new Set());
        const toChunks = chunk === loader ? './chunks/' : './';
        chunk.code = chunk.code.replace(/import\((["'`])\.\/((?:chunks\/)?[\w.-]+\.js)\1\)/g, (call: string, _quote: string, path: string) => {
          const target = chunk === loader ? path : `chunks/${path}`;
          const names = [...closure(target, new Set())].filter((file) => file !== target && !loaded.has(file)).map((file) => chunkFile.exec(file)?.[1]);
          if (names.length === 0) return call;
          if (names.some((name) => name === undefined || name.includes(' '))) this.error(`${target}: a shared chunk outside chunks/`);
          if (chunk === loader) widgets++;
          // Written out per import, not as a helper: gzip packs the repetition into fewer bytes.
          // It resolves with the imported chunk's module; the other imports only start early.
          return `Promise.all([${call},...${JSON.stringify(names.join(' '))}.split(" ").map(n=>import(\`${toChunks}\${n}.js\`))]).then(m=>m[0])`;
        });
      }
      if (widgets === 0) this.error(`${loader.fileName}: no widget chunk found to flatten`);
    },
  };
}

export default defineConfig({
  publicDir: false,
  // The JS minifier leaves template literals alone; Lit's own plugin minifies the markup in
  // html`` and the CSS in css`` (with lightningcss), the largest text in the bundle.
  plugins: [minifyLiterals({ failOnError: true }), flatWidgetChunks(), precompressed()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Library mode, because an app build wraps every dynamic import in Vite's preload helper,
    // which lives in a shared chunk: the loader would then fetch the runtime on every page,
    // widget or not.
    lib: { entry: { kommunkit: 'src/kommunkit.ts' }, formats: ['es'] },
    // The chunk graph, for `pnpm bench` to weigh what each page downloads.
    manifest: true,
    rolldownOptions: {
      preserveEntrySignatures: false,
      output: {
        minify: true,
        // Library mode keeps #__PURE__ annotations for a downstream bundler; browsers need none.
        comments: false,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
        codeSplitting: {
          groups: [
            { name: 'map', test: /node_modules[\\/]leaflet/, priority: 20 },
            { name: 'runtime', test: inRuntime, priority: 10 },
            { name: 'forms', test: inForms, priority: 5 },
            { name: 'citizen', test: citizenModules, priority: 4 },
            { name: partName, priority: 3 },
            { name: (id) => widget.exec(id)?.[1] ?? null, priority: 2 },
          ],
        },
      },
    },
  },
});
