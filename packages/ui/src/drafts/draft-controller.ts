import { ApiError, draftsFor, problemTypes, type Draft, type DraftBody, type KommunkitClient, type ServiceId, type User } from '@kommunkit/sdk';
import type { ReactiveController, ReactiveElement } from 'lit';
import { sessionStore } from '../session-storage.js';

type Values = Record<string, unknown>;

export interface DraftControllerOptions<T extends Values> {
  /** The service the draft belongs to, e.g. `felanmalan`. */
  service: ServiceId;
  /** Schema version of `T`; a stored draft of another version is dropped. */
  version: number;
  /** Fresh, empty answers. */
  defaults: () => T;
  /** Reads a stored value into T, keeping only what is valid; merged over `defaults()` by the controller. */
  parse: (stored: Record<string, unknown>) => Partial<T>;
  /** The widget's client (`() => this.client`). */
  client: () => KommunkitClient | undefined;
  /** Called when a draft has been restored, and when `reloadFromServer()` took the server's. */
  onRestore?: (draft: RestoredDraft<T>) => void;
  /** Wait after the last `save()` before the server is written to; default 500 ms. */
  debounceMs?: number;
  /**
   * Asks for the server's draft at once, beside `auth/me`, instead of after it: for a widget
   * behind a login gate, whose visitors are mostly logged in (without a session the gateway
   * answers 401 and the draft is the tab's own). By default the draft waits for the login state,
   * so an anonymous visitor's page makes no request that can only fail.
   */
  eager?: boolean;
}

export interface RestoredDraft<T> {
  values: T;
  /** The step path saved with the values (the `StepController`'s `path`). */
  path: string[];
  /** Files (photos) had been added, and could not be kept. */
  filesLost: boolean;
  from: 'session' | 'server';
}

export type DraftSaveState = 'idle' | 'saving' | 'saved' | 'conflict' | 'unsaved';

export interface DraftState {
  path: readonly string[];
  hadFiles: boolean;
}

/** What a draft holds, in sessionStorage and in the server draft's `data`. */
interface Snapshot {
  values: Values;
  path: string[];
  hadFiles: boolean;
}

/** The sessionStorage copy: the snapshot plus what it was based on at the server. */
interface SessionCopy extends Snapshot {
  savedAt: number;
  /** The server revision this copy was based on (null: none on the server; absent: not known). */
  revision?: number | null;
  /** The server holds exactly this copy. */
  synced?: boolean;
}

const defaultDebounceMs = 500;
/** `DraftBody.step` is at most 64 characters. */
const maxStepLength = 64;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);


/** The draft's revision; read defensively, as a gateway from before revisions sends none. */
function revisionOf(draft: Draft): number | null {
  const revision: unknown = draft.revision;
  return typeof revision === 'number' && Number.isInteger(revision) ? revision : null;
}

/** A stored draft of this version as a snapshot, or undefined when it is another version or unreadable. */
function snapshotOf(stored: unknown, version: number): Snapshot | undefined {
  if (!isRecord(stored) || stored.version !== version || !isRecord(stored.values)) return undefined;
  return { values: stored.values, path: strings(stored.path), hadFiles: stored.hadFiles === true };
}

/**
 * What the citizen typed survives a reload, a failed submit, and (logged in) a new device:
 * every `save()` goes to sessionStorage at once (`kommunkit:<service>:<kommun>`, this tab
 * only), and for a logged-in citizen also to the server's draft, debounced, based on the
 * revision last seen, so an edit made in another browser is never silently overwritten
 * (`saveState` becomes `conflict`). Files cannot be kept: a restored draft that had them sets
 * `filesLost`. A `save()` before the restore has finished counts as the newest edit: the
 * restore then does not overwrite it.
 */
export class DraftController<T extends Values> implements ReactiveController {
  private client: KommunkitClient | undefined;
  private isRestored = false;
  private restoring: Promise<void> | undefined;
  private editedWhileRestoring = false;
  private lost = false;
  private state: DraftSaveState = 'idle';
  /** The server's revision of our draft: a number, null for none (or no revisions), undefined when not known. */
  private revision: number | null | undefined;
  private latest: Snapshot | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private listening = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: DraftControllerOptions<T>,
  ) {
    host.addController(this);
  }

  /** True once the restore attempt for the current client finished (found or not). */
  get restored(): boolean {
    return this.isRestored;
  }

  /**
   * Resolves when the restore under way, if any, has finished. An edit of the restored answers
   * (the contact details out at logout) waits for it: a `save()` before it would count as the
   * newest edit, and the defaults it holds would replace the draft being restored.
   */
  whenRestored(): Promise<void> {
    return this.restoring ?? Promise.resolve();
  }

  /** A restored draft had files (photos) that could not be kept; the widget shows a notice. */
  get filesLost(): boolean {
    return this.lost;
  }

  /** The server side of saving, for a logged-in citizen; `idle` when only sessionStorage is used. */
  get saveState(): DraftSaveState {
    return this.state;
  }

  dismissFilesLost(): void {
    this.lost = false;
    this.host.requestUpdate();
  }

  /** Keeps the answers: sessionStorage now, the server (logged in) after a pause in typing. */
  save(values: T, state: DraftState): void {
    const client = this.client;
    if (!client) return;
    if (!this.isRestored) this.editedWhileRestoring = true;
    this.latest = { values: { ...values }, path: [...state.path], hadFiles: state.hadFiles };
    this.writeSession(client, { ...this.latest, savedAt: Date.now(), revision: this.revision, synced: false });
    if (!this.loggedIn(client) || this.state === 'conflict') return;
    this.setState('saving');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.sendToServer();
    }, this.options.debounceMs ?? defaultDebounceMs);
  }

  /** After a successful submit: the draft is gone everywhere. Never rejects (see below). */
  async clear(): Promise<void> {
    const client = this.client;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.again = false;
    this.latest = undefined;
    this.lost = false;
    if (!client) return;
    this.removeSession(client);
    await this.inFlight;
    // A save that was under way may have written the copy again.
    this.removeSession(client);
    if (this.loggedIn(client)) {
      try {
        await draftsFor(client).delete(this.options.service);
        this.revision = null;
      } catch {
        // The report is in; a server copy that could not be deleted is only offered again later.
        this.revision = undefined;
      }
    }
    this.setState('idle');
  }

  /** After a conflict: takes the server's version (calls `onRestore`), or fresh answers when it was deleted. */
  async reloadFromServer(): Promise<void> {
    const client = this.client;
    if (!client || !this.loggedIn(client)) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    let draft: Draft | null;
    try {
      draft = await draftsFor(client).get(this.options.service);
    } catch {
      return; // still in conflict: the citizen can try again
    }
    if (client !== this.client) return;
    const snapshot = draft ? snapshotOf(draft.data, this.options.version) : undefined;
    this.revision = draft ? revisionOf(draft) : null;
    if (draft && snapshot) {
      this.apply(snapshot, 'server');
      this.writeSession(client, { ...snapshot, savedAt: Date.parse(draft.updatedAt) || Date.now(), revision: this.revision, synced: true });
      this.setState('saved');
    } else {
      // Sent from another device meanwhile (or an older version): start afresh.
      this.latest = undefined;
      this.removeSession(client);
      this.lost = false;
      this.setState('idle');
      this.options.onRestore?.({ values: this.options.defaults(), path: [], filesLost: false, from: 'server' });
    }
  }

  /** After a conflict: overwrites the server's draft with the answers on this page. */
  async keepMine(): Promise<void> {
    const client = this.client;
    if (!client || !this.loggedIn(client)) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.revision = null; // no revision: an unconditional save
    this.setState('saving');
    await this.sendToServer();
  }

  /** Sends a pending server save now (before the page hides); resolves when it is done. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.sendToServer();
    } else {
      await this.inFlight;
    }
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
    void this.flush();
  }

  private loggedIn(client: KommunkitClient): boolean {
    return client.auth.user !== null;
  }

  private key(client: KommunkitClient): string {
    return `kommunkit:${this.options.service}:${client.kommun}`;
  }

  private sync(): void {
    const client = this.options.client();
    if (client === this.client) return;
    if (this.client) {
      this.unlisten(this.client);
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.client = client;
    this.isRestored = false;
    this.editedWhileRestoring = false;
    this.lost = false;
    this.state = 'idle';
    this.revision = undefined;
    this.latest = undefined;
    this.restoring = undefined;
    if (client) {
      this.listen(client);
      this.restoring = this.restore(client);
    }
    this.host.requestUpdate();
  }

  private async restore(client: KommunkitClient): Promise<void> {
    const read = (): Promise<Draft | null> => draftsFor(client).get(this.options.service);
    // Asked for early, its answer (or failure) waits here for the login state.
    const early = this.options.eager && !client.auth.loaded ? read() : undefined;
    early?.catch(() => undefined);
    const login = client.auth.load();
    // After the requests have left: a page's first sessionStorage read costs milliseconds.
    const local = this.readSession(client);
    let user: User | null = null;
    try {
      user = await login;
    } catch {
      // The gateway is unreachable: the tab's own copy is what there is.
    }
    let server: { draft: Draft; snapshot: Snapshot | undefined } | undefined;
    let revision: number | null | undefined; // undefined: asked again before the first server save
    if (user) {
      try {
        const draft = await (early ?? read());
        revision = draft ? revisionOf(draft) : null;
        if (draft) server = { draft, snapshot: snapshotOf(draft.data, this.options.version) };
      } catch {
        // Unreachable or unavailable: the tab's copy for now.
      }
    }
    if (client !== this.client) return;
    this.revision = revision;

    let chosen: { snapshot: Snapshot; from: 'session' | 'server' } | undefined;
    if (server?.snapshot && local) {
      const serverRevision = revisionOf(server.draft);
      const serverTime = Date.parse(server.draft.updatedAt);
      // Same base revision: the tab's copy is the server's plus any edits not sent yet. Else the
      // newer one wins (the browser's clock against the gateway's).
      const localNewer =
        typeof local.revision === 'number' && local.revision === serverRevision ? local.synced !== true : local.savedAt > serverTime;
      chosen = localNewer ? { snapshot: local, from: 'session' } : { snapshot: server.snapshot, from: 'server' };
    } else if (server?.snapshot) {
      chosen = { snapshot: server.snapshot, from: 'server' };
    } else if (local) {
      chosen = { snapshot: local, from: 'session' };
    }

    if (this.editedWhileRestoring) {
      // The citizen typed while we were asking: their edit is the newest; send it on its way.
      if (user && this.latest && this.state !== 'conflict') this.save(this.latest.values as T, this.latest);
    } else if (chosen) {
      this.apply(chosen.snapshot, chosen.from);
      if (chosen.from === 'server' && server) {
        this.writeSession(client, { ...chosen.snapshot, savedAt: Date.parse(server.draft.updatedAt) || Date.now(), revision: this.revision, synced: true });
        this.state = 'saved';
      } else if (user) {
        // The tab's copy is newer (e.g. typed before logging in): the server gets it too.
        this.save(chosen.snapshot.values as T, chosen.snapshot);
      }
    }
    this.isRestored = true;
    this.host.requestUpdate();
  }

  private apply(snapshot: Snapshot, from: 'session' | 'server'): void {
    const values: T = { ...this.options.defaults(), ...this.options.parse(snapshot.values) };
    this.latest = { values, path: [...snapshot.path], hadFiles: snapshot.hadFiles };
    this.lost = snapshot.hadFiles;
    this.options.onRestore?.({ values, path: [...snapshot.path], filesLost: snapshot.hadFiles, from });
    this.host.requestUpdate();
  }

  /** One server save at a time; a save asked for meanwhile follows with the newest answers. */
  private sendToServer(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    const run = async (): Promise<void> => {
      await this.restoring;
      do await this.sendOnce();
      while (this.takeAgain() && this.state !== 'conflict');
    };
    const flight = run().finally(() => {
      if (this.inFlight === flight) this.inFlight = undefined;
    });
    this.inFlight = flight;
    return flight;
  }

  /** Whether a save was asked for while one was under way (and forgets it). */
  private takeAgain(): boolean {
    const again = this.again;
    this.again = false;
    return again;
  }

  private async sendOnce(): Promise<void> {
    const client = this.client;
    const snapshot = this.latest;
    if (!client || !snapshot || !this.loggedIn(client) || this.state === 'conflict') return;
    if (this.revision === undefined) {
      // Logged in since the restore, or the restore's question failed: learn what the edit is based on.
      try {
        const draft = await draftsFor(client).get(this.options.service);
        this.revision = draft ? revisionOf(draft) : null;
      } catch (error) {
        this.failed(error);
        return;
      }
    }
    const step = snapshot.path.at(-1);
    const body: DraftBody = {
      data: { version: this.options.version, values: snapshot.values, path: snapshot.path, hadFiles: snapshot.hadFiles },
      ...(step && step.length <= maxStepLength ? { step } : {}),
      ...(typeof this.revision === 'number' ? { revision: this.revision } : {}),
    };
    try {
      const saved = await draftsFor(client).save(this.options.service, body);
      if (client !== this.client) return;
      this.revision = revisionOf(saved);
      if (this.latest === snapshot) {
        this.writeSession(client, { ...snapshot, savedAt: Date.now(), revision: this.revision, synced: true });
      }
      this.setState(this.timer === undefined && !this.again ? 'saved' : 'saving');
    } catch (error) {
      if (client !== this.client) return;
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    if (error instanceof ApiError && error.status === 409 && error.type === problemTypes.conflict) {
      this.again = false;
      clearTimeout(this.timer);
      this.timer = undefined;
      this.setState('conflict');
    } else if (error instanceof ApiError && error.status === 401) {
      this.setState('idle'); // logged out: the tab's copy is all there is now
    } else {
      this.setState('unsaved'); // kept in this tab; the next save tries again
    }
  }

  private setState(state: DraftSaveState): void {
    if (this.state === state) return;
    this.state = state;
    this.host.requestUpdate();
  }

  private readonly onAuthChange = (event: CustomEvent<User | null>): void => {
    clearTimeout(this.timer);
    this.timer = undefined;
    // Logged out: the server is not used any more. Logged in: the next save asks what is there first.
    this.revision = undefined;
    if (event.detail === null) this.setState('idle');
    else if (this.state === 'conflict' || this.state === 'unsaved') this.setState('idle');
  };

  private readonly onHide = (): void => {
    if (document.visibilityState === 'hidden') void this.flush();
  };

  private readonly onPageHide = (): void => {
    void this.flush();
  };

  private listen(client: KommunkitClient): void {
    if (this.listening) return;
    this.listening = true;
    client.auth.addEventListener('change', this.onAuthChange);
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onHide);
  }

  private unlisten(client: KommunkitClient): void {
    this.listening = false;
    client.auth.removeEventListener('change', this.onAuthChange);
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onHide);
  }

  private readSession(client: KommunkitClient): SessionCopy | undefined {
    let parsed: unknown;
    try {
      parsed = JSON.parse(sessionStore()?.getItem(this.key(client)) ?? 'null');
    } catch {
      return undefined; // unreadable: as if there were none
    }
    const snapshot = snapshotOf(parsed, this.options.version);
    if (!snapshot || !isRecord(parsed)) {
      if (parsed !== null) this.removeSession(client); // another version: dropped
      return undefined;
    }
    const savedAt = typeof parsed.savedAt === 'number' ? parsed.savedAt : 0;
    const revision = typeof parsed.revision === 'number' ? parsed.revision : parsed.revision === null ? null : undefined;
    return { ...snapshot, savedAt, revision, synced: parsed.synced === true };
  }

  private writeSession(client: KommunkitClient, copy: SessionCopy): void {
    const { values, path, hadFiles, savedAt, revision, synced } = copy;
    try {
      sessionStore()?.setItem(this.key(client), JSON.stringify({ version: this.options.version, values, path, hadFiles, savedAt, revision, synced }));
    } catch {
      // Full or blocked storage: the answers stay in the page; only a reload loses them.
    }
  }

  private removeSession(client: KommunkitClient): void {
    try {
      sessionStore()?.removeItem(this.key(client));
    } catch {
      // Blocked storage holds no draft.
    }
  }
}
