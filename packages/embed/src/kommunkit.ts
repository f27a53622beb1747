import { formatOnFirstView, widgets } from './widgets.js';

/**
 * kommunkit.js — the one script a web editor pastes:
 *
 *   <script type="module" src="https://e-tjanster.exempelstad.se/kommunkit/v1/kommunkit.js"></script>
 *   <kk-felanmalan kommun="exempelstad"></kk-felanmalan>
 *
 * It finds the kk-* elements on the page (now and added later), imports only the chunks they
 * need, and tells each element which gateway it came from. No globals, no inline code: it runs
 * under a CSP without 'unsafe-inline'.
 */
const gateway = new URL(/* @vite-ignore */ '../../', import.meta.url).href.replace(/\/$/, '');
const selector = Object.keys(widgets).join(',');
const loading = new Map<string, Promise<unknown>>();

// Elements reserve their space and show a quiet placeholder until their chunk has defined them;
// one whose chunk failed shows the editor's fallback text inside it again (`data-kk-failed`).
// A constructed stylesheet, because a CSP without 'unsafe-inline' forbids <style> and style="".
const placeholder = new CSSStyleSheet();
placeholder.replaceSync(
  `:is(${selector}):not(:defined,[data-kk-failed]){display:block;min-block-size:20em;max-inline-size:40em;border-radius:4px;` +
    `background:repeating-linear-gradient(#f3f2f1 0 1.5em,#fff 1.5em 3em);color:transparent}`,
);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, placeholder];

function upgrade(element: Element): void {
  if (!element.hasAttribute('api')) element.setAttribute('api', gateway);
  const tag = element.localName;
  if (loading.has(tag) || customElements.get(tag)) return;
  const load = widgets[tag];
  if (!load) return;
  // A page's first Intl formatter costs Chromium 15–30 ms (it loads its locale data): for a
  // widget whose first view formats, it is made in the next task, once the chunks are asked
  // for, while the page waits for them with nothing else to do, not on that first view's path.
  if (formatOnFirstView.has(tag)) setTimeout(() => new Intl.NumberFormat().format(0));
  loading.set(
    tag,
    load().catch((error: unknown) => {
      loading.delete(tag);
      for (const failed of document.querySelectorAll(tag)) failed.setAttribute('data-kk-failed', '');
      console.error(`kommunkit: ${tag} could not be loaded`, error);
    }),
  );
}

function scan(root: ParentNode): void {
  if (root instanceof Element && root.matches(selector)) upgrade(root);
  for (const element of root.querySelectorAll(selector)) upgrade(element);
}

scan(document);
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
}).observe(document.documentElement, { childList: true, subtree: true });
