// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient declaration has nothing to import; this brings it along to every program that compiles map.ts
/// <reference path="./leaflet-esm.d.ts" />
import type * as Leaflet from 'leaflet';
import { leafletStyles } from './leaflet.styles.js';

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
  /** Accessible name of the map region. */
  label: string;
  /** Accessible name of the pin. */
  pinLabel: string;
  /** Called when the citizen puts the pin somewhere: by clicking the map or dragging the pin. */
  onMove: (lat: number, long: number) => void;
}

export interface PlaceMap {
  setPosition(position: { lat: number; long: number } | undefined): void;
  destroy(): void;
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * Leaflet's stylesheet joins the widget's shadow root with the map, not with the widget, so a
 * citizen who never opens the place page never downloads it. It goes first, as a library sheet
 * should: the widget's own rules (the pin, the map's border) win at equal specificity.
 */
function adoptLeafletStyles(container: HTMLElement): void {
  const root = container.getRootNode();
  const sheet = leafletStyles.styleSheet;
  if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
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
  // with Trusted Types forbids: the widget renders the attribution itself, and the map zooms with
  // +/- when focused, the mouse wheel or pinch.
  const map = L.map(container, {
    center: options.position ? [options.position.lat, options.position.long] : options.center,
    zoom: options.zoom,
    zoomControl: false,
    attributionControl: false,
  });
  // Leaflet makes the map focusable (arrow keys pan, +/- zoom); name it for screen readers.
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', options.label);
  L.tileLayer(options.tileUrl, { maxZoom: 19 }).addTo(map);
  // An element, not an HTML string, for the same reason.
  const dot = document.createElement('span');
  dot.className = 'kk-map-pin__dot';
  const icon = L.divIcon({ className: 'kk-map-pin', iconSize: [24, 24], iconAnchor: [12, 24], html: dot });
  let marker: Leaflet.Marker | undefined;

  const place = (lat: number, long: number): void => {
    if (!marker) {
      marker = L.marker([lat, long], { draggable: true, icon, title: options.pinLabel, alt: options.pinLabel, keyboard: false }).addTo(map);
      marker.on('dragend', () => {
        const at = marker!.getLatLng();
        options.onMove(round(at.lat), round(at.lng));
      });
    } else marker.setLatLng([lat, long]);
  };
  if (options.position) place(options.position.lat, options.position.long);
  map.on('click', (event: Leaflet.LeafletMouseEvent) => {
    place(event.latlng.lat, event.latlng.lng);
    options.onMove(round(event.latlng.lat), round(event.latlng.lng));
  });

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
    destroy: () => map.remove(),
  };
}
