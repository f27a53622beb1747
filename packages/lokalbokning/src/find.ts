import { accessibilityFacts, lokalTypes, type CustomerType } from '@kommunkit/contract/lokalbokning-rules';
import type { LokalSummary } from '@kommunkit/sdk/lokalbokning';
import { formatMoney, loadable, msg, pageCountOf, str } from '@kommunkit/ui';
import type { LokalbokningController } from './controller.js';
import { factLabel, typeLabel } from './labels.js';
import { resultsHeadingId } from './pages/find.js';
import type { FindView, ResultItem, ResultsMapView } from './pages/types.js';
import type { ViewContext } from './views.js';

/** "från 150 kr/tim": the lowest hourly price with VAT, for a privatperson when there is one. */
function priceFrom(lokal: LokalSummary): string {
  const order: CustomerType[] = ['privatperson', 'forening', 'foretag'];
  const price = [...lokal.prices].sort((a, b) => order.indexOf(a.customerType) - order.indexOf(b.customerType))[0];
  if (!price) return msg('Pris saknas');
  const total = Math.round(price.perHourOre * (1 + price.vatPercent / 100));
  if (total === 0) return msg('Gratis');
  const amount = formatMoney(total);
  return msg(str`från ${amount} per timme`);
}

function resultItem(c: LokalbokningController, lokal: LokalSummary): ResultItem {
  const capacity = lokal.capacity;
  return {
    id: lokal.id,
    name: lokal.name,
    summary: lokal.summary,
    facts: [
      { label: msg('Typ'), value: typeLabel(lokal.type) },
      { label: msg('Antal personer'), value: msg(str`högst ${capacity}`) },
      { label: msg('Tillgänglighet'), value: lokal.accessibility.length > 0 ? lokal.accessibility.map(factLabel).join(', ') : msg('Inga uppgifter') },
      { label: msg('Pris'), value: priceFrom(lokal) },
      { label: msg('Bokning'), value: lokal.approval === 'instant' ? msg('Bekräftas direkt') : msg('Kommunen bekräftar bokningen') },
    ],
    onOpen: () => c.openLokal(lokal.id),
  };
}

type MapModule = typeof import('./map/map.js');

/** The map's chunk, once loaded (one per page: every widget on it shares it). */
let mapModule: MapModule | undefined;
let mapLoading: Promise<MapModule> | undefined;

/** Whether this widget's citizen has chosen the map; kept while they page through the results and come back from a lokal. */
interface MapChoice {
  shown: boolean;
  failed: boolean;
}
const mapChoiceKey = {};

/** Asks for the map's chunk, and renders again when it is there (or has failed, to say so). */
function loadMap(c: LokalbokningController, choice: MapChoice): void {
  mapLoading ??= import('./map/map.js');
  void mapLoading.then(
    (module) => {
      mapModule = module;
      c.host.requestUpdate();
    },
    () => {
      // A network blip: asked for again the next time the citizen chooses the map.
      mapLoading = undefined;
      choice.failed = true;
      c.host.requestUpdate();
    },
  );
}

/** "Visa på karta", when the kommun has a map and a lokal of this page of results has a place. */
function mapView(c: LokalbokningController, items: readonly LokalSummary[]): ResultsMapView | undefined {
  const settings = c.kommun.info?.map;
  if (!settings || !items.some((lokal) => lokal.position)) return undefined;
  const choice = c.stateOf<MapChoice>(mapChoiceKey, () => ({ shown: false, failed: false }));
  return {
    shown: choice.shown,
    failed: choice.shown && choice.failed,
    onToggle: () => {
      choice.shown = !choice.shown;
      choice.failed = false;
      if (choice.shown && !mapModule) loadMap(c, choice);
      c.host.requestUpdate();
    },
    panel: choice.shown ? mapModule?.renderMap(c, settings) : undefined,
  };
}

/** The find page's view: the filters and the results. */
export function findView(c: LokalbokningController, context: ViewContext): FindView {
  const form = c.findForm;
  return {
    page: 'find',
    headingLevel: context.headingLevel,
    errors: form.summary(),
    type: form.bind('type'),
    typeOptions: lokalTypes.map((type) => ({ value: type, label: typeLabel(type) })),
    minCapacity: form.bind('minCapacity'),
    facts: form.bind('facts'),
    factOptions: accessibilityFacts.map((fact) => ({ value: fact, label: factLabel(fact) })),
    date: form.bind('date'),
    fromTime: form.bind('fromTime'),
    toTime: form.bind('toTime'),
    onSearch: () => c.submitFind(),
    results: loadable(c.results, (page) => ({
      items: page.items.map((lokal) => resultItem(c, lokal)),
      total: page.total,
      page: page.page,
      pageCount: pageCountOf(page),
      onPage: (target: number) => c.showResultsPage(target),
      focus: { host: c.host, id: resultsHeadingId },
      map: mapView(c, page.items),
    })),
    onMine: c.options.client()?.auth.user ? () => c.showView('mina') : undefined,
  };
}
