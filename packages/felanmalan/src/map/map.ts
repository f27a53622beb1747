// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient declaration has nothing to import; this brings it along to every program that compiles map.ts
/// <reference path="./leaflet-esm.d.ts" />
import { msg, onLocaleChange } from '@kommunkit/ui';
import type * as Leaflet from 'leaflet';
import { leafletStyles } from '@kommunkit/ui/leaflet-styles';
import { mapStyles } from './map.styles.js';

/** Where the map opens and which tiles it shows: the kommun's `map` settings. */
export interface MapSettings {
  tileUrl: string;
  attribution: string;
  center: [number, number];
  zoom: number;
}

export interface MapOptions extends MapSettings {
  /** The pin, when the citizen has already chosen a place. */
  position?: { lat: number; long: number } | undefined;
  /**
   * Called when the citizen puts the pin somewhere: by clicking the map, dragging the pin, or
   * Enter or Space on the focused map (the pin goes where the crosshair is).
   */
  onMove: (lat: number, long: number) => void;
}

export interface PlaceMap {
  setPosition(position: { lat: number; long: number } | undefined): void;
  destroy(): void;
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/** The place page's hint that says how to use the map (`pages/place.ts`). */
const hintId = 'kk-fel-map-hint';

/**
 * Leaflet's stylesheet joins the widget's shadow root with the map, not with the widget, so a
 * citizen who never opens the place page never downloads it. It goes first, as a library sheet
 * should: the widget's own rules (the pin, the map's border) win at equal specificity.
 */
function adoptLeafletStyles(container: HTMLElement): void {
  const root = container.getRootNode();
  const sheet = leafletStyles.styleSheet;
  const own = mapStyles.styleSheet;
  if (!(root instanceof ShadowRoot) || !sheet || !own || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [sheet, own, ...root.adoptedStyleSheets];
}

/** An element made in code, never from an HTML string (Trusted Types). */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, parent?: HTMLElement): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  made.className = className;
  parent?.append(made);
  return made;
}

/** A zoom button: a sign to see (its name to hear is set with the others). Inside the form, so never a submit button. */
function zoomButton(parent: HTMLElement, sign: string, onClick: () => void): HTMLButtonElement {
  const button = element('button', 'kk-map-zoom__button', parent);
  button.type = 'button';
  button.textContent = sign;
  button.addEventListener('click', onClick);
  return button;
}

/**
 * A Leaflet map in `container` with a draggable pin. Leaflet is imported only here, and this
 * module only when the place page opens, so citizens who never see a map never load it. The
 * map is an aid: the place can always be given as text, by keyboard and screen reader.
 */
export async function createMap(container: HTMLElement, options: MapOptions): Promise<PlaceMap> {
  const L = (await import('leaflet/dist/leaflet-src.esm.js')) as typeof Leaflet;
  adoptLeafletStyles(container);
  // Leaflet's own zoom and attribution controls write HTML strings into the page, which a CSP
  // with Trusted Types forbids: the widget renders the attribution itself, and the zoom buttons
  // below are made as elements. The map also zooms with +/- when focused, the mouse wheel or pinch.
  const map = L.map(container, {
    center: options.position ? [options.position.lat, options.position.long] : options.center,
    zoom: options.zoom,
    zoomControl: false,
    attributionControl: false,
  });
  // Leaflet makes the map focusable (arrow keys pan, +/- zoom). An application to screen readers,
  // so that they hand it the arrow keys, named, and described by the hint that says how.
  container.setAttribute('role', 'application');
  container.setAttribute('aria-describedby', hintId);
  L.tileLayer(options.tileUrl, { maxZoom: 19 }).addTo(map);
  // The crosshair marks the map's centre, where Enter puts the pin; shown while the map has keyboard focus.
  const crosshair = element('div', 'kk-map-crosshair', container);
  crosshair.setAttribute('aria-hidden', 'true');
  const zoom = element('div', 'kk-map-zoom');
  const zoomIn = zoomButton(zoom, '+', () => map.zoomIn());
  const zoomOut = zoomButton(zoom, '−', () => map.zoomOut());
  // A press on a button is not a click on the map (which would move the pin).
  L.DomEvent.disableClickPropagation(zoom);
  const Zoom = L.Control.extend({ onAdd: () => zoom });
  new Zoom({ position: 'topright' }).addTo(map);
  let marker: Leaflet.Marker | undefined;
  // The names, in the page's language now and after it changes (the map outlives a render).
  const name = (): void => {
    container.setAttribute('aria-label', msg('Karta där du kan välja platsen'));
    for (const [button, label] of [
      [zoomIn, msg('Zooma in')],
      [zoomOut, msg('Zooma ut')],
    ] as const) {
      button.title = label;
      button.setAttribute('aria-label', label);
    }
    marker?.getElement()?.setAttribute('title', msg('Vald plats'));
  };
  name();
  const stopNaming = onLocaleChange(name);
  // An element, not an HTML string, for the same reason.
  const dot = document.createElement('span');
  dot.className = 'kk-map-pin__dot';
  const icon = L.divIcon({ className: 'kk-map-pin', iconSize: [24, 24], iconAnchor: [12, 24], html: dot });

  const place = (lat: number, long: number): void => {
    if (!marker) {
      marker = L.marker([lat, long], { draggable: true, icon, title: msg('Vald plats'), keyboard: false }).addTo(map);
      marker.on('dragend', () => {
        const at = marker!.getLatLng();
        options.onMove(round(at.lat), round(at.lng));
      });
    } else marker.setLatLng([lat, long]);
  };
  if (options.position) place(options.position.lat, options.position.long);
  const choose = ({ lat, lng }: Leaflet.LatLng): void => {
    place(lat, lng);
    options.onMove(round(lat), round(lng));
  };
  map.on('click', (event: Leaflet.LeafletMouseEvent) => choose(event.latlng));
  let zooming = false;
  map.on('zoomstart', () => {
    zooming = true;
  });
  map.on('zoomend', () => {
    zooming = false;
  });
  // Enter or Space on the map itself (not on its zoom buttons) puts the pin under the crosshair.
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.target !== container || (event.key !== 'Enter' && event.key !== ' ') || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    choose(map.getCenter());
  };
  container.addEventListener('keydown', onKeyDown);

  return {
    setPosition(position) {
      if (!position) {
        marker?.remove();
        marker = undefined;
        return;
      }
      const current = marker?.getLatLng();
      if (current && round(current.lat) === position.lat && round(current.lng) === position.long) return;
      place(position.lat, position.long);
      map.panTo([position.lat, position.long]);
    },
    destroy() {
      // Leaflet ends a zoom's animation on a timer that fails on a removed map: a map leaving mid-zoom goes when the zoom ends.
      if (zooming) map.once('zoomend', () => map.remove());
      else map.remove();
      stopNaming();
      container.removeEventListener('keydown', onKeyDown);
      crosshair.remove();
    },
  };
}
