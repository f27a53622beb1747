import type { LokalSummary } from '@kommunkit/sdk/lokalbokning';
import { msg, plural, str } from '@kommunkit/ui';
import { PlacesMapController, placesMap, type MapPlace, type PlacesMapSettings } from '@kommunkit/ui/places-map';
import { html, nothing, type TemplateResult } from 'lit';
import type { LokalbokningController } from '../controller.js';
import { typeLabel } from '../labels.js';

/**
 * The results on the kommun's map: a chunk of its own with Leaflet (through
 * `@kommunkit/ui/places-map`), loaded the first time the citizen chooses "Visa på karta".
 */

/** The hint that says how to use the map, and that the list says the same. */
export const mapHintId = 'kk-lok-map-hint';

const mapKey = {};

/** The lokaler of the results page shown that have a place. */
function placesOf(items: readonly LokalSummary[]): MapPlace[] {
  return items.flatMap((lokal) =>
    lokal.position ? [{ id: lokal.id, name: lokal.name, lat: lokal.position.lat, lon: lokal.position.lon, description: `${typeLabel(lokal.type)}, ${lokal.address}` }] : [],
  );
}

/** The widget's one map controller, made the first time the map shows. */
function mapOf(c: LokalbokningController): PlacesMapController {
  return c.stateOf(
    mapKey,
    () =>
      new PlacesMapController(c.host, {
        // The map goes with its container: when the results or the find page go, so does Leaflet's map.
        settings: () => c.kommun.info?.map,
        places: () => placesOf(c.results.value?.items ?? []),
        onOpen: (id) => c.openLokal(id),
        labels: () => ({ map: msg('Karta över lokalerna'), zoomIn: msg('Zooma in'), zoomOut: msg('Zooma ut') }),
      }),
  );
}

/** The map panel under "Visa på karta": the hint, the map, its attribution, and the lokaler it cannot show. */
export function renderMap(c: LokalbokningController, settings: PlacesMapSettings): TemplateResult {
  const map = mapOf(c);
  const items = c.results.value?.items ?? [];
  const missing = items.length - placesOf(items).length;
  return html`<p class="kk-hint" id=${mapHintId}>
      ${msg('Kartan visar samma lokaler som listan nedan. Gå till en lokal med Tab och öppna den med Enter.')}
    </p>
    ${placesMap(map, { attribution: settings.attribution, describedBy: mapHintId })}
    ${missing > 0
      ? html`<p>${plural(missing, { one: msg(str`${missing} lokal saknar plats på kartan, men finns i listan.`), other: msg(str`${missing} lokaler saknar plats på kartan, men finns i listan.`) })}</p>`
      : nothing}`;
}

