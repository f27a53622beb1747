import { defineConfig } from 'vite';

/**
 * The production bundle served at /kommunkit/v1/: the loader keeps its name (pages link to it,
 * so it gets a short cache), everything else is a hashed, immutable chunk. Lit and the shared
 * kommunkit runtime go into one chunk that every widget shares; Leaflet into one of its own
 * that only the map step loads.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    // The chunk graph, for `pnpm bench` to weigh what each page downloads.
    manifest: true,
    rolldownOptions: {
      input: { kommunkit: 'src/kommunkit.ts' },
      preserveEntrySignatures: false,
      output: {
        minify: true,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
        codeSplitting: {
          groups: [
            { name: 'map', test: /node_modules[\\/]leaflet/, priority: 20 },
            { name: 'runtime', test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]|packages[\\/](ui|sdk|contract)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
