import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defineConfig, type Plugin } from 'vite';
import { precompressed } from './precompress.js';

/**
 * The production bundle served at /kommunkit/v1/: the loader keeps its name (pages link to it,
 * so it gets a short cache), everything else is a hashed, immutable chunk. Leaflet has a chunk
 * of its own that only the map step loads. Kommunkit's shared code goes into two chunks, each
 * with exactly the Lit modules its code uses (rolldown captures a group's static dependencies):
 * - `runtime`, what every widget needs: ui's element base, tokens, texts, feedback and kommun
 *   info, and the SDK's core;
 * - `forms`, ui's form parts (fields, FormController, error summary, flow, summary list,
 *   questions) and drafts (ui's and the SDK's), for the widgets that have a form, so a widget without one (mina
 *   fakturor) does not load them; and what every widget's first view uses but the runtime's
 *   budget has no room for (@lit/task, ui's lazy features), so that it is not one more request
 *   of its own on every page.
 * Left out, to travel with the widgets that use them (rolldown makes a shared chunk when more
 * than one does): translations (loaded only for pages in another language), the SDK's service
 * modules and the contract's rules and routes of one service (`<service>-rules.ts`,
 * `<service>-routes.ts`), what only a page that is not set up loads (the SDK's embedding
 * check, ui's setup notice), ui's parts only some widgets use (login gate, formatting, numbers,
 * status history, pager, list/detail, grid, and the sessionStorage guard of drafts and login)
 * and Lit modules only some widgets use (the ref directive).
 */
const sep = String.raw`[\\/]`;
const notShared = new RegExp(
  `${sep}locales${sep}|packages${sep}sdk${sep}src${sep}(services${sep}|embedding)|packages${sep}contract${sep}src${sep}[a-z-]+-(rules|routes)\\.ts|packages${sep}ui${sep}src${sep}(auth${sep}|kommun${sep}setup-notice|format|numbers|plural|status-history|pager|list-detail|grid|session-storage|places-map${sep}|loadable|lazy-features)`,
);
const formsModules = new RegExp(`packages${sep}ui${sep}src${sep}(forms|drafts)${sep}|packages${sep}sdk${sep}src${sep}drafts\\.ts`);
const runtimeModules = new RegExp(`packages${sep}(ui|sdk|contract)${sep}src${sep}`);
// Every widget's first view uses these: in forms, they are not one more request on every page.
const firstViewModules = new RegExp(`node_modules${sep}@lit${sep}task${sep}|packages${sep}ui${sep}src${sep}lazy-features\\.ts`);
const inForms = (id: string): boolean => (formsModules.test(id) && !notShared.test(id)) || firstViewModules.test(id);
const inRuntime = (id: string): boolean => runtimeModules.test(id) && !inForms(id) && !notShared.test(id);

/**
 * Without help the browser learns a widget's shared chunks only once its define chunk has
 * arrived and been parsed: loader, then define, then runtime, forms and the rest, one round trip
 * each (and a third when a shared chunk imports another). This writes into the loader, for
 * each widget, the chunks its define chunk imports (directly or not), so that the loader asks
 * for all of them at once. Only names go in (the closure of static imports, from the bundle
 * itself), nothing more is downloaded, and the module graph, so the manifest, stays as it was.
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
      for (const loader of Object.values(bundle)) {
        if (loader.type !== 'chunk' || !loader.isEntry) continue;
        let widgets = 0;
        loader.code = loader.code.replace(/import\((["'`])\.\/(chunks\/[\w.-]+\.js)\1\)/g, (call: string, _quote: string, define: string) => {
          const names = [...closure(define, new Set())].filter((file) => file !== define).map((file) => chunkFile.exec(file)?.[1]);
          if (names.length === 0) return call;
          if (names.some((name) => name === undefined || name.includes(' '))) this.error(`${define}: a shared chunk outside chunks/`);
          widgets++;
          // Written out per widget, not as a helper: gzip packs the repetition into fewer bytes.
          // It resolves with the define chunk's module; the other imports only start early.
          return `Promise.all([${call},...${JSON.stringify(names.join(' '))}.split(" ").map(n=>import(\`./chunks/\${n}.js\`))]).then(m=>m[0])`;
        });
        if (widgets === 0) this.error(`${loader.fileName}: no widget chunk found to flatten`);
      }
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
          ],
        },
      },
    },
  },
});
