import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCompressedCopies } from '../packages/embed/precompress.js';
import { bundleLitModule } from './lit-bundle.js';

/**
 * A widget's fair floor: a bare Lit element, bundled the way the embed is (lit-bundle.ts) and
 * served by the same gateway, that asks for exactly the requests the widget's first view makes
 * (recorded from the widget's network, see `floorRequests`), all at once with fetch as the SDK
 * sends them (credentials, `accept: application/json`), and renders the same fields from the
 * answers: one radio per category, one list row per lokal or invoice, the overview's list.
 */
export interface Floor {
  /** The bare element's tag, `kk-floor-<widget>`. */
  tag: string;
  /** Paths below the gateway. */
  requests: readonly string[];
  /** The request whose answer the view lists, and how: radios (a question) or list rows. */
  main: number;
  render: 'radios' | 'rows';
}

/** What each widget's first view asks the gateway for, as recorded from one run of each. */
export const floors: Record<string, Floor> = {
  'kk-felanmalan': { tag: 'kk-floor-felanmalan', requests: ['/api/v1/exempelstad', '/api/v1/exempelstad/auth/me', '/open311/v2/services.json?jurisdiction_id=exempelstad'], main: 2, render: 'radios' },
  'kk-lokalbokning': { tag: 'kk-floor-lokalbokning', requests: ['/api/v1/exempelstad', '/api/v1/exempelstad/auth/me', '/api/v1/exempelstad/lokalbokning/lokaler?page=1&pageSize=10'], main: 2, render: 'rows' },
  'kk-barnomsorg': {
    tag: 'kk-floor-barnomsorg',
    requests: ['/api/v1/exempelstad', '/api/v1/exempelstad/auth/me', '/api/v1/exempelstad/barnomsorg/settings', '/api/v1/exempelstad/barnomsorg/children', '/api/v1/exempelstad/drafts/barnomsorg', '/api/v1/exempelstad/barnomsorg/applications'],
    main: 5,
    render: 'rows',
  },
  'kk-mina-fakturor': { tag: 'kk-floor-mina-fakturor', requests: ['/api/v1/exempelstad', '/api/v1/exempelstad/auth/me', '/api/v1/exempelstad/fakturor/invoices?filter=unpaid&page=1&pageSize=10'], main: 2, render: 'rows' },
};

const source = (floor: Floor): string => `import { LitElement, html } from 'lit';
const urls = ${JSON.stringify(floor.requests)};
class Floor extends LitElement {
  static properties = { data: { state: true } };
  connectedCallback() {
    super.connectedCallback();
    const api = this.getAttribute('api') ?? '';
    Promise.all(urls.map((url) => fetch(api + url, { credentials: 'include', headers: { accept: 'application/json' } }).then((response) => response.text()).then((text) => (text ? JSON.parse(text) : undefined)))).then((answers) => { this.data = answers; }, (error) => { this.failed = String(error); this.requestUpdate(); });
  }
  render() {
    if (!this.data) return html\`<p>\${this.failed ?? 'Laddar'}</p>\`;
    const [kommun] = this.data;
    const main = this.data[${String(floor.main)}];
    const items = (Array.isArray(main) ? main : main?.items) ?? [];
    const label = (item) => item.service_name ?? item.name ?? item.title ?? item.reference ?? item.id;
    return html\`<h2>\${kommun?.name}</h2>${
      floor.render === 'radios'
        ? '<fieldset><legend>Vad vill du anmäla?</legend>${items.map((item, i) => html`<input type="radio" name="c" id="c${i}" value=${item.service_code}><label for="c${i}">${label(item)}</label><div>${item.description}</div>`)}</fieldset>'
        : '${items.length ? html`<ul>${items.map((item) => html`<li><button type="button"><span>${label(item)}</span></button></li>`)}</ul>` : html`<p class="kk-list__empty">Inga</p>`}'
    }\`;
  }
}
customElements.define(${JSON.stringify(floor.tag)}, Floor);
`;

/**
 * Writes every floor chunk into the site's `floor/`, and `floor/loader.js`: the floor's
 * loader, as small as the widgets' and doing the same (it sees `kk-floor-*` elements, now and
 * added later, sets `api` and imports their chunk). Each with its brotli and gzip copy, which
 * the gateway sends as it sends the embed's.
 */
export async function buildFloors(dir: string): Promise<void> {
  mkdirSync(join(dir, 'floor'), { recursive: true });
  for (const floor of Object.values(floors)) await bundleLitModule(join(dir, 'floor'), source(floor), `${floor.tag}.js`);
  writeFileSync(
    join(dir, 'floor', 'loader.js'),
    `const api = new URL('../', import.meta.url).href.replace(/\\/$/, '');
const seen = new Set();
const selector = ${JSON.stringify(Object.values(floors).map((floor) => floor.tag).join(','))};
const upgrade = (element) => { if (!element.hasAttribute('api')) element.setAttribute('api', api); if (seen.has(element.localName)) return; seen.add(element.localName); import('./' + element.localName + '.js'); };
const scan = (root) => { if (root instanceof Element && root.matches(selector)) upgrade(root); for (const element of root.querySelectorAll(selector)) upgrade(element); };
scan(document);
new MutationObserver((records) => { for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node); }).observe(document.documentElement, { childList: true, subtree: true });
`,
  );
  writeCompressedCopies(join(dir, 'floor', 'loader.js'));
}
