import { loadable, msg, str } from '@kommunkit/ui';
import { draftNotices, type HeadingLevel } from '@kommunkit/ui';
import type { Ref } from 'lit/directives/ref.js';
import { groupServices, searchServices } from './categories.js';
import { fieldId, type FelanmalanController } from './controller.js';
import type { MapSettings } from './map/map.js';
import type { CategoryView, PlaceView, QuestionFrame } from './pages/types.js';

/** What the element adds to the controller: its heading level and where the map goes. */
export interface ViewContext {
  headingLevel: HeadingLevel;
  mapContainer: Ref<HTMLDivElement>;
}

const positionText = (lat: number, long: number): string => msg(str`Vald plats: ${lat.toFixed(5)}, ${long.toFixed(5)}`);

/** A chosen position as the citizen reads it: "Nära Storgatan 12", its coordinates when no address is near, '' while that is asked (`map/address.ts`). */
export function placeText(c: FelanmalanController, lat: number, long: number): string {
  const label = c.places?.get(`${lat},${long}`);
  if (label === undefined) void import('./map/address.js').then((m) => m.nameOf(c, lat, long));
  return label ? msg(str`Nära ${label}`) : label === null ? positionText(lat, long) : '';
}

/** What every question page's view has. */
export function frame(c: FelanmalanController, context: ViewContext, errors: QuestionFrame['errors']): QuestionFrame {
  return {
    headingLevel: context.headingLevel,
    back: c.flow.canGoBack ? () => c.flow.back() : undefined,
    counter: c.flow.counter,
    errors,
    notices: draftNotices(c.draft, { headingLevel: context.headingLevel }),
  };
}

function categoryView(c: FelanmalanController, context: ViewContext): CategoryView {
  const form = c.categoryForm;
  const searching = c.search.trim() !== '';
  let matches: number | undefined;
  const chosen = c.selectedService;
  const categories = loadable(c.services, (services) => {
    const found = searchServices(services, c.search);
    matches = searching ? found.length : undefined;
    // The chosen category stays in view, so a later search never hides what would be sent.
    if (chosen && !found.includes(chosen)) found.unshift(chosen);
    return {
      none: services.length === 0,
      groups: groupServices(found).map(([group, list], index) => ({
        id: fieldId(`category-${index}`),
        label: group,
        choices: list.map((service) => ({ value: service.service_code, label: service.service_name, ...(service.description ? { hint: service.description } : {}) })),
      })),
    };
  });
  return {
    ...frame(c, context, form.summary()),
    page: 'category',
    categories,
    search: { id: fieldId('search'), value: c.search, onInput: (value) => c.setSearch(value), matches },
    category: form.bind('serviceCode'),
    handoffNote: chosen?.handoff_note,
    onSubmit: () => c.submitCategory(),
    onFollow: () => c.showView('folj'),
    onMine: c.options.client()?.auth.user ? () => c.showView('mina') : undefined,
  };
}

function placeView(c: FelanmalanController, context: ViewContext, map: MapSettings | undefined): PlaceView {
  const form = c.placeForm;
  const position = form.values.position;
  return {
    ...frame(c, context, form.summary()),
    page: 'place',
    address: form.bind('address'),
    position: position ? { text: placeText(c, position.lat, position.long), onClear: () => c.setPosition(null) } : undefined,
    onUseMyPosition: () => c.useMyPosition(),
    positionMessage: c.positionMessage,
    map: map ? { container: context.mapContainer, attribution: map.attribution } : undefined,
    searchingNearby: c.busy,
    onSubmit: () => void c.submitPlace(),
  };
}

/** The view of the first two pages; the later ones, and the lazy features `steps/`, `follow/`, `nearby/`, `done/` and `mine/`, build their own. */
export function viewOf(c: FelanmalanController, context: ViewContext): CategoryView | PlaceView | undefined {
  switch (c.flow.current) {
    case 'category':
      return categoryView(c, context);
    case 'place':
      return placeView(c, context, c.kommun.info?.map);
    default:
      return undefined;
  }
}
