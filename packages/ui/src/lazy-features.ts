import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';

/** What a lazy feature's module has besides its own exports (a `render`): the styles it brings into the widget. */
export interface FeatureModule {
  readonly styles: readonly CSSResult[];
}

/** A widget's lazy features by name: `{ mine: () => import('./mine/mine.js') }`, each import a chunk of its own. */
export type FeatureLoaders = Record<string, () => Promise<FeatureModule>>;

/** The module a loader resolves to. */
export type LoadedFeature<L extends FeatureLoaders, K extends keyof L> = Awaited<ReturnType<L[K]>>;

/**
 * The parts of a widget most citizens never open, each loaded the first time it is asked for:
 * `get(name)` is the module once it is there (and starts the load when not), `preload(name)`
 * asks for it a page ahead. A loaded module's `styles` join the host's shadow root once; the
 * host updates when a module arrives. A chunk that failed to load (a network blip) is asked
 * for again the next time it is wanted, so the next update retries it.
 */
export class LazyFeatures<L extends FeatureLoaders> implements ReactiveController {
  /** Each feature's module once it is there; null while it loads. */
  readonly #modules: { [K in keyof L]?: LoadedFeature<L, K> | null } = {};
  /** Styles of loaded modules not yet in the shadow root. */
  #styles: CSSResult[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly loaders: L,
  ) {
    host.addController(this);
  }

  /** The feature's module, or undefined while it loads (the load starts here). */
  get<K extends keyof L>(name: K): LoadedFeature<L, K> | undefined {
    this.preload(name);
    return this.#modules[name] ?? undefined;
  }

  /** Starts loading the feature, unless it is loaded or on its way. */
  preload(name: keyof L): void {
    if (this.#modules[name] !== undefined) return;
    this.#modules[name] = null;
    this.loaders[name]!().then(
      (module) => {
        this.#modules[name] = module as LoadedFeature<L, typeof name>;
        this.#styles.push(...module.styles);
        this.host.requestUpdate();
      },
      () => {
        this.#modules[name] = undefined;
      },
    );
  }

  hostUpdate(): void {
    // The update a loaded module asked for, or the first one after connecting: the shadow root is there.
    const root = this.host.shadowRoot;
    if (!root || this.#styles.length === 0) return;
    // A Set: a sheet two features share, or one the element has already, is adopted once.
    root.adoptedStyleSheets = [...new Set([...root.adoptedStyleSheets, ...this.#styles.flatMap((styles) => styles.styleSheet ?? [])])];
    this.#styles = [];
  }
}
