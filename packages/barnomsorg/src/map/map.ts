import { msg } from '@kommunkit/ui';
import { PlacesMapController, placesMap, type MapPlace } from '@kommunkit/ui/places-map';
import type { TemplateResult } from 'lit';
import type { BarnomsorgController } from '../controller.js';

/*
 * The units on the kommun's map, a chunk of its own (it brings Leaflet): loaded when the guardian
 * presses "Visa på karta". The list beside it says the same; a marker moves the focus to its
 * unit in the list, where it is chosen.
 */

interface MapState {
  controller: PlacesMapController;
  places: readonly MapPlace[];
}

const key = {};

/** The map panel for `places`, in the order of the list. */
export function unitsMap(c: BarnomsorgController, places: readonly MapPlace[], onOpen: (id: string) => void): TemplateResult {
  const state = c.stateOf<MapState>(key, () => {
    const made: MapState = {
      places,
      controller: new PlacesMapController(c.host, {
        settings: () => c.kommun.info?.map,
        places: () => made.places,
        onOpen: (id) => onOpen(id),
        labels: () => ({ map: msg('Karta över enheterna'), zoomIn: msg('Zooma in'), zoomOut: msg('Zooma ut') }),
      }),
    };
    return made;
  });
  state.places = places;
  return placesMap(state.controller, { attribution: c.kommun.info?.map?.attribution ?? '' });
}
