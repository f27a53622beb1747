import type { KommunkitClient } from '@kommunkit/sdk';
import { html, type TemplateResult } from 'lit';
import { AuthController, loginGate } from '../src/auth/auth-controller.js';
import { KkElement } from '../src/base-element.js';
import { DraftController, type RestoredDraft } from '../src/drafts/draft-controller.js';
import { draftNotices } from '../src/drafts/draft-notices.js';
import { button, spinner } from '../src/feedback.js';
import { textField } from '../src/forms/fields/text.js';
import { formStyles } from '../src/forms/styles.js';
import { KommunController } from '../src/kommun/kommun-controller.js';
import { uiStyles } from '../src/styles.js';

/** Small widgets built on the shared controllers, as a service builds on them; tests and stories drive them. */

/** Shows what its KommunController knows, as a service's start page would. */
export class KkKommunTest extends KkElement {
  static override styles = [uiStyles];
  readonly kommunController = new KommunController(this, { client: () => this.client });

  get sdk(): KommunkitClient | undefined {
    return this.client;
  }

  override render(): TemplateResult {
    const k = this.kommunController;
    if (k.status === 'loading') return html`<p class="status">Laddar</p>`;
    if (k.status === 'error') return html`<p class="status">Fel</p>${button({ label: 'Försök igen', onClick: () => k.retry() })}`;
    return html`<p class="status">${k.info?.name}</p>
      <p class="felanmalan">${String(k.serviceEnabled('felanmalan'))}</p>
      <p class="fakturor">${String(k.serviceEnabled('fakturor'))}</p>`;
  }
}
KkKommunTest.define('kk-kommun-test');

/** A widget whose "Mina ärenden" step needs a login. */
export class KkAuthTest extends KkElement {
  static override styles = [uiStyles];
  logouts = 0;
  step = 'mina-arenden';
  readonly auth = new AuthController(this, { client: () => this.client, onLogout: () => this.logouts++ });

  get sdk(): KommunkitClient | undefined {
    return this.client;
  }

  override render(): TemplateResult {
    return loginGate(this.auth, {
      headingLevel: this.headingLevel,
      reason: 'Du behöver logga in för att se dina ärenden.',
      returnTo: { step: this.step },
      content: () =>
        html`<h2 class="kk-heading">Mina ärenden</h2>
          <p class="who">${this.auth.user?.name}</p>
          ${button({ label: 'Logga ut', variant: 'secondary', onClick: () => void this.auth.logout() })}`,
    });
  }
}
KkAuthTest.define('kk-auth-test');

export interface DraftAnswers extends Record<string, unknown> {
  description: string;
  topics: string[];
}

/** A one-field service widget: what it types is the draft; a restore puts it back. */
export class KkDraftTest extends KkElement {
  static override styles = [uiStyles, formStyles];
  /** The server save's debounce (undefined: the default); short in tests so their waits outlast it. */
  static debounce: number | undefined = 100;
  values: DraftAnswers = { description: '', topics: [] };
  path: string[] = ['plats'];
  hadFiles = false;
  restores: RestoredDraft<DraftAnswers>[] = [];
  readonly drafts = new DraftController<DraftAnswers>(this, {
    service: 'felanmalan',
    version: 2,
    defaults: () => ({ description: '', topics: [] }),
    parse: (stored) => ({
      ...(typeof stored.description === 'string' ? { description: stored.description } : {}),
      ...(Array.isArray(stored.topics) ? { topics: stored.topics.filter((t): t is string => typeof t === 'string') } : {}),
    }),
    client: () => this.client,
    onRestore: (draft) => {
      this.restores.push(draft);
      this.values = draft.values;
      this.path = draft.path;
    },
    get debounceMs() {
      return KkDraftTest.debounce;
    },
  });

  get sdk(): KommunkitClient | undefined {
    return this.client;
  }

  type(description: string): void {
    this.values = { ...this.values, description };
    this.drafts.save(this.values, { path: this.path, hadFiles: this.hadFiles });
    this.requestUpdate();
  }

  override render(): TemplateResult {
    if (!this.drafts.restored) return spinner();
    return html`${draftNotices(this.drafts, { headingLevel: 3 })}
      <h2 class="kk-heading">Beskriv felet</h2>
      ${textField({ id: 'description', name: 'description', label: 'Beskrivning', value: this.values.description, onInput: (value) => this.type(value) })}`;
  }
}
KkDraftTest.define('kk-draft-test');

declare global {
  interface HTMLElementTagNameMap {
    'kk-kommun-test': KkKommunTest;
    'kk-auth-test': KkAuthTest;
    'kk-draft-test': KkDraftTest;
  }
}
