import type { KommunInfo, KommunkitClient, ServiceId } from '@kommunkit/sdk';
import type { ReactiveController, ReactiveElement } from 'lit';

export type KommunStatus = 'loading' | 'ready' | 'error';

export interface KommunControllerOptions {
  /** The widget's client (`() => this.client`); nothing is fetched while there is none. */
  client: () => KommunkitClient | undefined;
  /** Called each time the info for the current client arrives (the base element applies the theme). */
  onInfo?: (info: KommunInfo) => void;
}

/** The controllers whose last request failed, per client, so one widget's retry answers them all. */
const failed = new WeakMap<KommunkitClient, Set<KommunController>>();

/**
 * The kommun's name, theme and enabled services for a widget. The SDK asks the gateway once per
 * client, so every widget of one kommun on the page shares one request; a failure is not kept,
 * and `retry()` in any widget asks again for every widget of the kommun that is still waiting.
 * Every widget has one (`KkElement.kommunInfo`); this file is in the shared runtime, so it is kept small.
 */
export class KommunController implements ReactiveController {
  /** The info, once it has arrived for the current client. */
  info: KommunInfo | undefined;
  /** `loading` also while the widget has no client yet (no `api` or `kommun`). */
  status: KommunStatus = 'loading';
  /** What went wrong, when `status` is `error` (an `ApiError` or `NetworkError`). */
  error: unknown;
  private current: KommunkitClient | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: KommunControllerOptions,
  ) {
    host.addController(this);
  }

  /** Whether the kommun offers the service; undefined until the info has arrived. */
  serviceEnabled(id: ServiceId): boolean | undefined {
    return this.info?.services.includes(id);
  }

  /** Asks the gateway again after a failure (for every widget of the kommun). */
  retry(): void {
    const client = this.current;
    const waiting = client && failed.get(client);
    if (!waiting) return;
    failed.delete(client);
    for (const controller of waiting) if (controller.current === client) controller.load();
  }

  hostUpdate(): void {
    const client = this.options.client();
    if (client !== this.current) {
      this.current = client;
      this.load();
    }
  }

  hostDisconnected(): void {
    if (this.current) failed.get(this.current)?.delete(this);
  }

  private load(): void {
    const client = this.current;
    this.set('loading');
    client?.getKommun().then(
      (info) => {
        if (client !== this.current) return;
        this.set('ready', info);
        this.options.onInfo?.(info);
      },
      (error: unknown) => {
        if (client !== this.current) return;
        let waiting = failed.get(client);
        if (!waiting) failed.set(client, (waiting = new Set()));
        waiting.add(this);
        this.set('error', undefined, error);
      },
    );
  }

  private set(status: KommunStatus, info?: KommunInfo, error?: unknown): void {
    this.status = status;
    this.info = info;
    this.error = error;
    this.host.requestUpdate();
  }
}
