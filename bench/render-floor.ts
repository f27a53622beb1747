import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCompressedCopies } from '../packages/embed/precompress.js';
import { bundleLitModule } from './lit-bundle.js';

/**
 * A widget's fair floor: a bare Lit element, bundled the way the embed is (lit-bundle.ts) and
 * served by the same gateway, that asks for exactly the requests the widget's first view makes
 * (recorded from the widget's network, see `floorRequests`), all at once with fetch as the SDK
 * sends them (credentials, `accept: application/json`, the page's language), and renders the
 * same fields from the answers: per category a radio with its name and description; per lokal
 * its name, summary, facts and lowest price; per invoice its label, sender, amount and due date
 * (amounts and dates through Intl, as the widgets format them); the overview's list.
 */
export interface Floor {
  /** The bare element's tag, `kk-floor-<widget>`. */
  tag: string;
  /** Paths below the gateway. */
  requests: readonly string[];
  /**
   * The request whose answer the view lists, and how: radios (a question), lokaler (name,
   * summary, facts and the lowest price), invoices (label, sender, amount and due date) or
   * plain rows (the overview's list).
   */
  main: number;
  render: 'radios' | 'lokaler' | 'invoices' | 'rows';
}

/** What each widget's first view asks the gateway for, as recorded from one run of each. */
export const floors: Record<string, Floor> = {
  'kk-felanmalan': { tag: 'kk-floor-felanmalan', requests: ['/api/v1/exempelstad', '/api/v1/exempelstad/auth/me', '/open311/v2/services.json?jurisdiction_id=exempelstad'], main: 2, render: 'radios' },
  'kk-lokalbokning': { tag: 'kk-floor-lokalbokning', requests: ['/api/v1/exempelstad', '/api/v1/exempelstad/auth/me', '/api/v1/exempelstad/lokalbokning/lokaler?page=1&pageSize=10'], main: 2, render: 'lokaler' },
  'kk-barnomsorg': {
    tag: 'kk-floor-barnomsorg',
    requests: ['/api/v1/exempelstad', '/api/v1/exempelstad/auth/me', '/api/v1/exempelstad/barnomsorg/settings', '/api/v1/exempelstad/barnomsorg/children', '/api/v1/exempelstad/drafts/barnomsorg', '/api/v1/exempelstad/barnomsorg/applications'],
    main: 5,
    render: 'rows',
  },
  'kk-mina-fakturor': { tag: 'kk-floor-mina-fakturor', requests: ['/api/v1/exempelstad', '/api/v1/exempelstad/auth/me', '/api/v1/exempelstad/fakturor/invoices?filter=unpaid&page=1&pageSize=10'], main: 2, render: 'invoices' },
};

/** Each kind of first view's rows, as a bare element would write them (Intl for amounts and dates, as the widgets). */
const views: Record<Floor['render'], string> = {
  radios: '<fieldset><legend>Vad vill du anmäla?</legend>${items.map((item, i) => html`<input type="radio" name="c" id="c${i}" value=${item.service_code}><label for="c${i}">${label(item)}</label><div>${item.description}</div>`)}</fieldset>',
  lokaler:
    '<ul>${items.map((item) => html`<li><h3>${item.name}</h3><p>${item.summary}</p><dl><div><dt>Typ</dt><dd>${item.type}</dd></div><div><dt>Antal personer</dt><dd>högst ${item.capacity}</dd></div><div><dt>Tillgänglighet</dt><dd>${item.accessibility.join(\', \')}</dd></div><div><dt>Pris</dt><dd>från ${money(Math.round(item.prices[0].perHourOre * (1 + item.prices[0].vatPercent / 100)))} per timme</dd></div><div><dt>Bokning</dt><dd>${item.approval}</dd></div></dl><button type="button">Visa lokal och lediga tider</button></li>`)}</ul>',
  invoices:
    '<ul>${items.map((item) => html`<li><button type="button"><span>${item.label}</span><span>${item.supplierName} · Att betala ${money(Math.round(Number(item.amountDue) * 100))} · ${item.dueDate ? `Förfaller ${date(item.dueDate)}` : item.number}</span></button></li>`)}</ul>',
  rows: '${items.length ? html`<ul>${items.map((item) => html`<li><button type="button"><span>${label(item)}</span></button></li>`)}</ul>` : html`<p class="kk-list__empty">Inga</p>`}',
};

const source = (floor: Floor): string => `import { LitElement, html } from 'lit';
let moneyFormat, dateFormat;
const money = (ore) => (moneyFormat ??= new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' })).format(ore / 100);
const date = (day) => (dateFormat ??= new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' })).format(new Date(day + 'T12:00:00Z'));
const urls = ${JSON.stringify(floor.requests)};
class Floor extends LitElement {
  static properties = { data: { state: true } };
  connectedCallback() {
    super.connectedCallback();
    const api = this.getAttribute('api') ?? '';
    Promise.all(urls.map((url) => fetch(api + url, { credentials: 'include', headers: { accept: 'application/json', 'accept-language': document.documentElement.lang } }).then((response) => response.text()).then((text) => (text ? JSON.parse(text) : undefined)))).then((answers) => { this.data = answers; }, (error) => { this.failed = String(error); this.requestUpdate(); });
  }
  render() {
    if (!this.data) return html\`<p>\${this.failed ?? 'Laddar'}</p>\`;
    const [kommun] = this.data;
    const main = this.data[${String(floor.main)}];
    const items = (Array.isArray(main) ? main : main?.items) ?? [];
    const label = (item) => item.service_name ?? item.name ?? item.title ?? item.reference ?? item.id;
    return html\`<h2>\${kommun?.name}</h2>${views[floor.render]}\`;
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
