import { ContextProvider, createContext } from '@lit/context';
import { getClient, type KommunkitClient } from '@kommunkit/sdk';
import type { ReactiveController, ReactiveElement } from 'lit';
import { resolveLang } from './localization.js';

/**
 * The SDK client a widget talks to the gateway through. `Symbol.for` keeps the key the same
 * when a page ends up with two copies of this module.
 */
export const clientContext = createContext<KommunkitClient | undefined>(Symbol.for('kommunkit.client'));

/**
 * Provides the client for the widget's `api` and `kommun` to everything inside it. Widgets of
 * one kommun on a page share one client (and so one login state).
 */
export class ClientController implements ReactiveController {
  private readonly provider: ContextProvider<typeof clientContext>;

  constructor(private readonly host: ReactiveElement & { api: string; kommun: string }) {
    this.provider = new ContextProvider(host, { context: clientContext });
    host.addController(this);
  }

  get client(): KommunkitClient | undefined {
    return this.provider.value;
  }

  hostUpdate(): void {
    const { api, kommun } = this.host;
    // The gateway answers the kommun's texts in the widget's language, known at once from its
    // `lang` (the active locale changes only once its translations have loaded).
    const client = api && kommun ? getClient({ api, kommun, locale: () => resolveLang(this.host) }) : undefined;
    if (client !== this.provider.value) this.provider.setValue(client);
  }
}
