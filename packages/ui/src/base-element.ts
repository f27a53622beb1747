import { LitElement, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { KommunkitClient } from '@kommunkit/sdk';
import { ClientController } from './client-context.js';
import { spinner } from './feedback.js';
import { KommunController } from './kommun/kommun-controller.js';
import { parseHeadingLevel, type HeadingLevel } from './heading.js';
import { LocaleController, resolveLang, useLocale } from './localization.js';
import { applyConfigTheme } from './tokens.js';

/**
 * The public events of all widgets, by name. Each service package adds its own events with
 * declaration merging, so `emit()` checks both the name and the detail:
 *
 *     declare module '@kommunkit/ui' {
 *       interface KkEventMap { 'kk-report-submitted': { reference: string } }
 *     }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface KkEventMap {}

/** The notice for a widget that cannot work on the page, loaded the first time one may be needed. */
let notices: Promise<void> | undefined;
let noticeModule: typeof import('./kommun/setup-notice.js') | undefined;

/**
 * Base class of every kommunkit widget: kommun and gateway, language, heading level, typed
 * public events and idempotent registration.
 *
 * @attr {string} lang - The widget's language (`sv`, `en`); without it, the nearest `lang` in the page. Swedish when unsupported.
 */
export class KkElement extends LitElement {
  /**
   * Idempotent registration: a page that loads two copies of a widget, or a CMS that runs the
   * snippet twice, must not throw.
   */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /** Id of the kommun whose service this is, e.g. `exempelstad`. */
  @property({ reflect: true })
  kommun = '';

  /** Base URL of the kommunkit gateway; the embed loader fills it in from its own URL. */
  @property()
  api = '';

  /** Level of the widget's top headings (2–6). The CMS page owns the `h1`, so 1 is never used. */
  @property({ attribute: 'heading-level', converter: (value) => parseHeadingLevel(value) })
  headingLevel: HeadingLevel = 2;

  private readonly clientController = new ClientController(this);

  /**
   * The kommun's info (name, theme, enabled services), shared with every `KommunController` of
   * this kommun on the page. Its theme is applied when it arrives; that is cosmetic, so a failure
   * leaves the defaults, and the widget reports gateway problems on its own calls, unless the
   * failure means the widget cannot work here at all (`setupNotice`).
   */
  protected readonly kommunInfo: KommunController = new KommunController(this, {
    client: () => this.client,
    onInfo: (info) => applyConfigTheme(this, info.theme),
  });

  constructor() {
    super();
    new LocaleController(this);
  }

  /**
   * What to render instead of the widget when it cannot work on this page: no `kommun` or `api`,
   * a kommun the gateway does not know, or a page whose origin is not on the kommun's list. The
   * citizen is told plainly (no "Försök igen" that would only fail again), and the console once,
   * for the editor, what to change where. Undefined while the widget can work (a spinner for
   * the moment it takes to find out after a failure); a widget's `render()` starts with it.
   */
  protected setupNotice(): TemplateResult | undefined {
    const { status, error } = this.kommunInfo;
    if (this.kommun && this.api && status !== 'error') return undefined;
    if (noticeModule) return noticeModule.setupNotice(this, error);
    // A chunk that failed to load (a network blip) is asked for again on the next update.
    notices ??= import('./kommun/setup-notice.js').then(
      (module) => void (noticeModule = module),
      () => void (notices = undefined),
    );
    void notices.then(() => this.requestUpdate());
    // Until it is known whether the widget can work here: not a moment of "Försök igen".
    return spinner();
  }

  /** The SDK client for this widget's `api` and `kommun`, also provided to its parts as context. */
  protected get client(): KommunkitClient | undefined {
    return this.clientController.client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void useLocale(resolveLang(this));
  }

  /**
   * `lang` stays the native attribute (the widget speaks the nearest `lang` in the page, its
   * own first), observed here so that changing it switches the language.
   */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && this.isConnected) void useLocale(resolveLang(this));
  }

  /**
   * Fires a public event on the host: bubbling and composed, so the page can listen anywhere.
   * Each widget documents its events with `@fires` in its class JSDoc.
   */
  protected emit<K extends keyof KkEventMap>(name: K, detail: KkEventMap[K]): boolean {
    /** @ignore The name is a parameter: keeps the manifest from listing an event called `name`. */
    return this.dispatchEvent(
      new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }),
    );
  }
}
