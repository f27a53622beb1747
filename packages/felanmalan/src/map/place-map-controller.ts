import type { ReactiveController, ReactiveElement } from 'lit';
import { createRef, type Ref } from 'lit/directives/ref.js';
import type { Position } from '../types.js';
import type { MapSettings, PlaceMap } from './map.js';

export interface PlaceMapOptions {
  /** The kommun's map, when it has one and the place page shows. */
  settings: () => MapSettings | undefined;
  position: () => Position | null;
  onMove: (position: Position) => void;
}

/**
 * The map on the place page: Leaflet is loaded (its own chunk) when the page first shows
 * with a map, follows the chosen place, and is taken down when the page goes.
 */
export class PlaceMapController implements ReactiveController {
  /** Where the place page puts the map. */
  readonly container: Ref<HTMLDivElement> = createRef();
  private map: PlaceMap | undefined;
  private loading = false;

  constructor(
    host: ReactiveElement,
    private readonly options: PlaceMapOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const container = this.container.value;
    const settings = this.options.settings();
    if (!container?.isConnected || !settings) {
      this.destroy();
      return;
    }
    const position = this.options.position() ?? undefined;
    if (this.map) {
      this.map.setPosition(position);
      return;
    }
    if (this.loading) return;
    this.loading = true;
    void import('./map.js')
      .then(({ createMap }) =>
        createMap(container, {
          ...settings,
          position,
          onMove: (lat, long) => this.options.onMove({ lat, long }),
        }),
      )
      .then((map) => {
        this.loading = false;
        if (this.container.value === container && container.isConnected) this.map = map;
        else map.destroy();
      })
      .catch(() => {
        // Without the map the place is given in words, which always works.
        this.loading = false;
      });
  }

  hostDisconnected(): void {
    this.destroy();
  }

  private destroy(): void {
    this.map?.destroy();
    this.map = undefined;
  }
}
