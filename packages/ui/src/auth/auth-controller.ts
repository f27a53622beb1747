import { msg } from '../localization.js';
import { loginOutcome, type KommunkitClient, type LoginOutcome, type User } from '@kommunkit/sdk';
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { alert, button, spinner } from '../feedback.js';
import { heading, subLevel, type HeadingLevel } from '../heading.js';
import { sessionStore } from '../session-storage.js';

export type AuthState = 'loading' | 'anonymous' | 'authenticated' | 'error';

/** Where in the widget the citizen was when they left for the login. */
export interface LoginReturn {
  step?: string;
}

export interface AuthControllerOptions {
  /** The widget's client (`() => this.client`). */
  client: () => KommunkitClient | undefined;
  /** Called when a known user is gone (logged out here or elsewhere, session ended): drop personal data. */
  onLogout?: () => void;
  /** Names the widget's place to come back to after login; by default the host's tag name. */
  returnKey?: string;
}

/** The saved place is only believed this long: a login takes at most 10 minutes at the gateway. */
const returnLifetimeMs = 30 * 60_000;
/** Longest timeout browsers honour (about 24.8 days). */
const maxTimeoutMs = 2 ** 31 - 1;

const returnStorageKey = (client: KommunkitClient, key: string): string => `kommunkit:login-return:${client.kommun}:${key}`;


/** Reads and removes the place saved before the login; undefined when none, stale or unreadable. */
function takeReturn(storageKey: string): LoginReturn | undefined {
  let raw: string | null | undefined;
  try {
    raw = sessionStore()?.getItem(storageKey);
    sessionStore()?.removeItem(storageKey);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const saved = JSON.parse(raw) as unknown;
    if (typeof saved !== 'object' || saved === null) return undefined;
    const { step, at } = saved as { step?: unknown; at?: unknown };
    if (typeof at !== 'number' || Date.now() - at > returnLifetimeMs || at > Date.now() + 60_000) return undefined;
    return typeof step === 'string' ? { step } : {};
  } catch {
    return undefined;
  }
}

/**
 * The citizen's login state for a widget, from the SDK's shared `client.auth`: who is logged
 * in, whether a session has ended under them ("Du har blivit utloggad"), and login and logout.
 * A session's end is noticed on any 401, when its `expiresAt` passes, and when the tab comes
 * back into view (a logout in another tab). Login leaves the page; on return `returnedTo`
 * gives back the place the widget passed to `login()`.
 */
export class AuthController implements ReactiveController {
  private client: KommunkitClient | undefined;
  private current: User | null | undefined;
  private failure: unknown;
  private ended = false;
  private loggingOut = false;
  private leaving = false;
  private returned: LoginReturn | undefined;
  private outcome: LoginOutcome | undefined;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  private listening = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: AuthControllerOptions,
  ) {
    host.addController(this);
  }

  /** The logged-in citizen; null when anonymous; undefined while not known yet. */
  get user(): User | null | undefined {
    return this.current;
  }

  get state(): AuthState {
    if (this.current) return 'authenticated';
    if (this.current === null) return 'anonymous';
    return this.failure === undefined ? 'loading' : 'error';
  }

  /** Why the login state could not be learnt, when `state` is `error`. */
  get error(): unknown {
    return this.state === 'error' ? this.failure : undefined;
  }

  /** A session that existed has ended without the citizen logging out here. */
  get loggedOut(): boolean {
    return this.ended;
  }

  /** The page is on its way to the login (the button shows it is busy). */
  get navigating(): boolean {
    return this.leaving;
  }

  /** The place passed to `login()`, once back from the login (also after a cancelled one). */
  get returnedTo(): LoginReturn | undefined {
    return this.returned;
  }

  /** Set when the citizen came back from a login that did not finish (from the gateway's `kk-login`). */
  get loginOutcome(): LoginOutcome | undefined {
    return this.current ? undefined : this.outcome;
  }

  /** Full-page login with e-legitimation, back to this page and, via `returnedTo`, to `returnTo`. */
  login(returnTo: LoginReturn = {}): void {
    const client = this.options.client();
    if (!client) return;
    try {
      sessionStore()?.setItem(returnStorageKey(client, this.returnKey), JSON.stringify({ ...returnTo, at: Date.now() }));
    } catch {
      // Full or blocked storage: the citizen comes back to the page, only not to the same step.
    }
    this.leaving = true;
    this.host.requestUpdate();
    client.auth.login();
  }

  /** Ends the session; rethrows when the gateway could not be reached (the citizen stays logged in). */
  async logout(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.loggingOut = true;
    try {
      await client.auth.logout();
    } finally {
      this.loggingOut = false;
    }
  }

  /** For a call that answered 401: the session is gone. Marks `loggedOut` if someone was logged in. */
  sessionEnded(): void {
    if (this.current) {
      this.ended = true;
      this.userChanged(null);
    }
    // Lets the SDK (and so every widget of the kommun) learn it too.
    this.client?.auth.refresh().catch(() => undefined);
  }

  /** Asks the gateway again, after `state` became `error`. */
  async refresh(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.failure = undefined;
    this.host.requestUpdate();
    try {
      await client.auth.refresh();
      if (client === this.client) this.userChanged(client.auth.user);
    } catch (error) {
      if (client === this.client && !client.auth.loaded) this.failure = error;
      this.host.requestUpdate();
    }
  }

  /** Hides the "Du har blivit utloggad" notice. */
  dismissLoggedOut(): void {
    this.ended = false;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    if (this.client) this.listen(this.client);
  }

  hostUpdate(): void {
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    if (this.client) this.unlisten(this.client);
  }

  private get returnKey(): string {
    return this.options.returnKey ?? this.host.localName;
  }

  private sync(): void {
    const client = this.options.client();
    if (client === this.client) return;
    if (this.client) this.unlisten(this.client);
    this.client = client;
    this.current = undefined;
    this.failure = undefined;
    this.ended = false;
    this.leaving = false;
    if (!client) {
      this.host.requestUpdate();
      return;
    }
    this.listen(client);
    if (client.auth.loaded) this.userChanged(client.auth.user);
    else void this.refresh();
    // After auth/me has left: a page's first sessionStorage read costs milliseconds, spent
    // while the answer is on its way.
    this.returned = takeReturn(returnStorageKey(client, this.returnKey));
    this.outcome = loginOutcome();
    this.host.requestUpdate();
  }

  private readonly onChange = (event: CustomEvent<User | null>): void => {
    const client = this.client;
    if (!client) return;
    if (event.detail === null && this.current && client.auth.endReason === 'session-ended' && !this.loggingOut) this.ended = true;
    this.userChanged(event.detail);
  };

  private readonly onVisible = (): void => {
    // A logout in another tab, or a session that expired while the tab was hidden.
    if (document.visibilityState === 'visible' && this.current) this.client?.auth.refresh().catch(() => undefined);
  };

  private readonly onPageShow = (event: PageTransitionEvent): void => {
    // Back from the login page through the back/forward cache: the page was never reloaded.
    if (event.persisted && this.leaving) {
      this.leaving = false;
      this.host.requestUpdate();
    }
  };

  private userChanged(user: User | null): void {
    const had = this.current;
    this.current = user;
    this.failure = undefined;
    if (user) this.ended = false;
    this.armExpiry();
    this.host.requestUpdate();
    if (had && !user) this.options.onLogout?.();
  }

  /** Asks the gateway when the session says it ends: it may have been renewed, or it is over. */
  private armExpiry(): void {
    clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
    const expiresAt = this.current ? Date.parse(this.current.expiresAt) : Number.NaN;
    if (!this.listening || Number.isNaN(expiresAt)) return;
    const delay = Math.min(maxTimeoutMs, Math.max(0, expiresAt - Date.now()) + 1000);
    this.expiryTimer = setTimeout(() => {
      this.client?.auth.refresh().catch(() => undefined);
    }, delay);
  }

  private listen(client: KommunkitClient): void {
    if (this.listening) return;
    this.listening = true;
    client.auth.addEventListener('change', this.onChange);
    document.addEventListener('visibilitychange', this.onVisible);
    window.addEventListener('pageshow', this.onPageShow);
    // Reconnected: catch up with what happened while disconnected.
    if (client.auth.loaded && this.current !== undefined && client.auth.user !== this.current) this.userChanged(client.auth.user);
    this.armExpiry();
  }

  private unlisten(client: KommunkitClient): void {
    this.listening = false;
    client.auth.removeEventListener('change', this.onChange);
    document.removeEventListener('visibilitychange', this.onVisible);
    window.removeEventListener('pageshow', this.onPageShow);
    clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
  }
}

export interface LoginGateOptions {
  headingLevel: HeadingLevel;
  /** Why the citizen must log in, e.g. "Du behöver logga in för att se dina fakturor." */
  reason: string;
  /** What a logged-in citizen sees. */
  content: () => unknown;
  /** The place to come back to after login (the widget's step); see `AuthController.returnedTo`. */
  returnTo?: LoginReturn;
  /** Heading of the gate; by default "Logga in". */
  title?: string;
}

/**
 * A login gate for a step or a whole widget: the content when logged in; otherwise a heading
 * (the step's focus target), the reason, and "Logga in med e-legitimation", with a notice when
 * the session ended, when the last login did not finish, or when the state could not be learnt.
 */
export function loginGate(auth: AuthController, options: LoginGateOptions): TemplateResult {
  const state = auth.state;
  if (state === 'authenticated') return html`${options.content()}`;
  if (state === 'loading') return spinner({ label: msg('Kontrollerar inloggningen…') });
  const noticeLevel = subLevel(options.headingLevel);
  const outcome = auth.loginOutcome;
  let notice: TemplateResult | typeof nothing = nothing;
  if (state === 'error') {
    notice = alert({
      tone: 'error',
      title: msg('Vi kunde inte kontrollera om du är inloggad'),
      headingLevel: noticeLevel,
      body: html`<p>${msg('Kontrollera din internetanslutning och försök igen.')}</p>
        ${button({ label: msg('Försök igen'), variant: 'secondary', onClick: () => void auth.refresh() })}`,
    });
  } else if (auth.loggedOut) {
    notice = alert({
      tone: 'warning',
      title: msg('Du har blivit utloggad'),
      headingLevel: noticeLevel,
      body: html`<p>${msg('Din inloggning har gått ut eller avslutats. Logga in igen för att fortsätta.')}</p>`,
    });
  } else if (outcome === 'cancelled') {
    notice = alert({ tone: 'info', body: html`<p>${msg('Inloggningen avbröts. Du kan försöka igen.')}</p>` });
  } else if (outcome === 'failed') {
    notice = alert({
      tone: 'error',
      title: msg('Inloggningen misslyckades'),
      headingLevel: noticeLevel,
      body: html`<p>${msg('Det gick inte att logga in just nu. Försök igen om en stund.')}</p>`,
    });
  }
  return html`<div class="kk-login-gate">
    ${heading({ level: options.headingLevel, focusTarget: true }, options.title ?? msg('Logga in'))} ${notice}
    <p>${options.reason}</p>
    ${button({ label: msg('Logga in med e-legitimation'), busy: auth.navigating, onClick: () => auth.login(options.returnTo) })}
  </div>`;
}
