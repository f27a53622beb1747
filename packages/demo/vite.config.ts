import { defineConfig } from 'vite';

/** The demo kommun site: plain HTML pages plus one small module, built into dist/ for the gateway to serve. */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: { output: { minify: true } },
  },
});
