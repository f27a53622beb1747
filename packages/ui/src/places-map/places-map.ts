// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient declaration has nothing to import; this brings it along to every program that compiles this file
/// <reference path="./leaflet-esm.d.ts" />
/**
 * `@kommunkit/ui/places-map`: places (lokaler, förskolor, …) as markers on the kommun's map.
 *
 * This module brings Leaflet (its own `map` chunk in the embed) and Leaflet's stylesheet, so a
 * widget imports it only from a lazy chunk of its own, when the citizen asks for the map. It is
 * not in ui's index: the shared runtime never carries it. The map is an aid beside a list that
 * says the same; every marker is a button in the Tab order, named by its place, and Enter or
 * Space (or a click) opens the place through `onOpen`.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import type * as Leaflet from 'leaflet';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createRef, ref, type Ref } from 'lit/directives/ref.js';
import { leafletStyles } from './leaflet.styles.js';
import { placesMapStyles } from './places-map.styles.js';

/** One place on the map. */
export interface MapPlace {
  id: string;
  /** The marker's accessible name and tooltip. */
  name: string;
  lat: number;
  lon: number;
  /** Said after the name ("Idrottshall, 200 personer"). */
  description?: string | undefined;
}

/** Which tiles the map shows and where it opens without places: the kommun's `map` settings (`KommunInfo['map']`). */
export interface PlacesMapSettings {
  tileUrl: string;
  attribution: string;
  center: [number, number];
  zoom: number;
}

/** What the map says, in the widget's language (the widget's own `msg`, so its translations hold them). */
export interface PlacesMapLabels {
  /** The map's accessible name ("Karta över lokalerna"). */
  map: string;
  zoomIn: string;
  zoomOut: string;
}

export interface PlacesMapOptions {
  /** The kommun's map; undefined takes the map down. */
  settings: () => PlacesMapSettings | undefined;
  /** The places to mark, in the order of the list beside the map (the Tab order of the markers). */
  places: () => readonly MapPlace[];
  /** A marker chosen by click, Enter or Space. */
  onOpen: (id: string) => void;
  labels: () => PlacesMapLabels;
  /** Closest zoom `fitBounds` goes to (one place, or places close together); default 16. */
  maxZoom?: number;
}

/** Markers are placed once per set of places: a render with the same places leaves the citizen's pan and zoom alone. */
const keyOf = (places: readonly MapPlace[]): string => places.map((p) => `${p.id}@${String(p.lat)},${String(p.lon)}:${p.name}:${p.description ?? ''}`).join('|');

/** An element made in code, never from an HTML string (Trusted Types). */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, parent?: HTMLElement): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  made.className = className;
  parent?.append(made);
  return made;
}

/**
 * Leaflet's stylesheet, then the map's own, into the shadow root the map is in (constructable
 * stylesheets: no `style-src 'unsafe-inline'`). Leaflet's goes first, as a library sheet should.
 */
function adoptStyles(container: HTMLElement): void {
  const root = container.getRootNode();
  const sheets = [leafletStyles.styleSheet, placesMapStyles.styleSheet].filter((sheet): sheet is CSSStyleSheet => sheet !== undefined);
  if (!(root instanceof ShadowRoot) && !(root instanceof Document)) return;
  const missing = sheets.filter((sheet) => !root.adoptedStyleSheets.includes(sheet));
  if (missing.length > 0) root.adoptedStyleSheets = [...missing, ...root.adoptedStyleSheets];
}

interface LiveMap {
  container: HTMLElement;
  map: Leaflet.Map;
  layer: Leaflet.LayerGroup;
  key: string | undefined;
  zoomIn: HTMLButtonElement;
  zoomOut: HTMLButtonElement;
  zooming: boolean;
}

/**
 * The map of a widget's results: put `placesMap(controller)` where the map goes; after each
 * render the controller makes the Leaflet map in that container (once), places one marker per
 * place and fits them in view when the places change, and takes the map down when the
 * container leaves the page or `settings()` is undefined.
 */
export class PlacesMapController implements ReactiveController {
  /** Where `placesMap()` puts the map. */
  readonly container: Ref<HTMLDivElement> = createRef();
  private live: LiveMap | undefined;

  constructor(
    host: ReactiveControllerHost,
    readonly options: PlacesMapOptions,
  ) {
    host.addController(this);
  }

  /** The markers' elements in the map, in Tab order (for tests and focus handling). */
  get markers(): HTMLElement[] {
    return [...(this.live?.container.querySelectorAll<HTMLElement>('.kk-places-map-pin') ?? [])];
  }

  hostUpdated(): void {
    const container = this.container.value;
    const settings = this.options.settings();
    if (!container?.isConnected || !settings) {
      this.destroy();
      return;
    }
    if (this.live && this.live.container !== container) this.destroy();
    const live = (this.live ??= this.create(container, settings));
    this.label(live);
    const places = this.options.places();
    const key = keyOf(places);
    if (key !== live.key) {
      live.key = key;
      this.place(live, places, settings);
    }
  }

  hostDisconnected(): void {
    this.destroy();
  }

  private create(container: HTMLElement, settings: PlacesMapSettings): LiveMap {
    adoptStyles(container);
    // Leaflet's zoom and attribution controls write HTML strings, which a CSP with Trusted Types
    // forbids: `placesMap()` renders the attribution as text, and the zoom buttons are elements.
    const map = L.map(container, { center: settings.center, zoom: settings.zoom, zoomControl: false, attributionControl: false });
    // Named, as a region the citizen can pan (arrow keys) and zoom (+/-) once focused.
    container.setAttribute('role', 'region');
    L.tileLayer(settings.tileUrl, { maxZoom: 19 }).addTo(map);
    const zoom = element('div', 'kk-places-map-zoom');
    const button = (sign: string, onClick: () => void): HTMLButtonElement => {
      const made = element('button', 'kk-places-map-zoom__button', zoom);
      made.type = 'button';
      made.textContent = sign;
      made.addEventListener('click', onClick);
      return made;
    };
    const zoomIn = button('+', () => map.zoomIn());
    const zoomOut = button('−', () => map.zoomOut());
    L.DomEvent.disableClickPropagation(zoom);
    const Zoom = L.Control.extend({ onAdd: () => zoom });
    new Zoom({ position: 'topright' }).addTo(map);
    const live: LiveMap = { container, map, layer: L.layerGroup().addTo(map), key: undefined, zoomIn, zoomOut, zooming: false };
    map.on('zoomstart', () => {
      live.zooming = true;
    });
    map.on('zoomend', () => {
      live.zooming = false;
    });
    return live;
  }

  /** The names, in the widget's language now (a render after a language change names them again). */
  private label(live: LiveMap): void {
    const labels = this.options.labels();
    live.container.setAttribute('aria-label', labels.map);
    for (const [button, label] of [
      [live.zoomIn, labels.zoomIn],
      [live.zoomOut, labels.zoomOut],
    ] as const) {
      button.title = label;
      button.setAttribute('aria-label', label);
    }
  }

  private place(live: LiveMap, places: readonly MapPlace[], settings: PlacesMapSettings): void {
    live.layer.clearLayers();
    for (const place of places) {
      const dot = document.createElement('span');
      dot.className = 'kk-places-map-pin__dot';
      const icon = L.divIcon({ className: 'kk-places-map-pin', iconSize: [28, 28], iconAnchor: [14, 28], html: dot });
      const name = place.description ? `${place.name}, ${place.description}` : place.name;
      // `keyboard: true` puts the marker in the Tab order as role=button; Leaflet itself does nothing on Enter.
      const marker = L.marker([place.lat, place.lon], { icon, title: place.name, keyboard: true, riseOnHover: true });
      marker.on('click', () => this.options.onOpen(place.id));
      marker.on('add', () => {
        const el = marker.getElement();
        if (!el) return;
        el.setAttribute('aria-label', name);
        el.dataset['kkPlace'] = place.id;
        el.addEventListener('keydown', (event: KeyboardEvent) => {
          if ((event.key !== 'Enter' && event.key !== ' ') || event.altKey || event.ctrlKey || event.metaKey) return;
          event.preventDefault();
          // Not also the map's keyboard handler (Enter would do nothing there, Space nothing either, but keep it to the marker).
          event.stopPropagation();
          this.options.onOpen(place.id);
        });
      });
      marker.addTo(live.layer);
    }
    if (places.length === 0) {
      live.map.setView(settings.center, settings.zoom, { animate: false });
      return;
    }
    const bounds = L.latLngBounds(places.map((p): [number, number] => [p.lat, p.lon]));
    live.map.fitBounds(bounds, { padding: [32, 32], maxZoom: this.options.maxZoom ?? 16, animate: false });
  }

  private destroy(): void {
    const live = this.live;
    if (!live) return;
    this.live = undefined;
    // Leaflet ends a zoom's animation on a timer that fails on a removed map: a map leaving mid-zoom goes when the zoom ends.
    if (live.zooming) live.map.once('zoomend', () => live.map.remove());
    else live.map.remove();
  }
}

/**
 * The map's container and the attribution the tiles require (as text; Leaflet's control would
 * write HTML). `part="map"` lets a kommun style its frame.
 */
export function placesMap(controller: PlacesMapController, options: { attribution: string; id?: string; describedBy?: string }): TemplateResult {
  return html`<div class="kk-places-map" part="map" id=${ifDefined(options.id)} aria-describedby=${ifDefined(options.describedBy)} ${ref(controller.container)}></div>
    <p class="kk-places-map-attribution">${options.attribution}</p>`;
}

export { leafletStyles, placesMapStyles };
