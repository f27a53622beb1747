/**
 * Every widget the loader knows, by tag, with the chunk that defines it. A new service joins
 * kommunkit by adding its line here: the loader then fetches its chunk only on pages that use it.
 */
export const widgets: Record<string, () => Promise<unknown>> = {
  'kk-felanmalan': () => import('@kommunkit/felanmalan/define'),
  'kk-lokalbokning': () => import('@kommunkit/lokalbokning/define'),
  'kk-barnomsorg': () => import('@kommunkit/barnomsorg/define'),
  'kk-mina-fakturor': () => import('@kommunkit/fakturor/define'),
};

/**
 * The widgets whose first view formats money or dates: the loader makes the page's first Intl
 * formatter while their chunks are on their way (see kommunkit.ts).
 */
export const formatOnFirstView: ReadonlySet<string> = new Set(['kk-lokalbokning', 'kk-barnomsorg', 'kk-mina-fakturor']);
