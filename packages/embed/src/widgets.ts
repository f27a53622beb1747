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
