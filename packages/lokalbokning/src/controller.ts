import type { KommunkitClient } from '@kommunkit/sdk';
import { listLokaler, type LokalerPage, type LokalerSearch } from '@kommunkit/sdk/lokalbokning';
import { AuthController, FormController, prepareFormats, type KkElement, type KommunController } from '@kommunkit/ui';
import { Task, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BookingCancelledDetail, BookingConfirmedDetail } from './events.js';
import { findRules, freeSpan, type FindValues } from './rules.js';
import type { Page, View } from './types.js';

/** Id of a form field in the shadow root. */
export const fieldId = (name: string): string => `kk-lok-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export interface LokalbokningControllerOptions {
  client(): KommunkitClient | undefined;
  /** The kommun's info, the element's own `kommunInfo`. */
  kommun: KommunController;
  /** A booking was made (the element fires `kk-booking-confirmed`). */
  onConfirmed(detail: BookingConfirmedDetail): void;
  /** A booking was cancelled (the element fires `kk-booking-cancelled`). */
  onCancelled(detail: BookingCancelledDetail): void;
  /** The citizen switched views (the element reflects `view`). */
  onViewChange(view: View): void;
}

export const pageSize = 10;

/**
 * Everything lokalbokning does, without the element: the find form and its results, the page
 * of the `sok` view, the view, focus. The lazy features (lokal, book, mine, season) keep their
 * own state through `stateOf`. Nothing here imports the element.
 */
export class LokalbokningController implements ReactiveController {
  readonly kommun: KommunController;
  readonly findForm: FormController<FindValues>;
  readonly results: Task<[KommunkitClient | undefined, LokalerSearch | undefined], LokalerPage>;
  /** The citizen's login state; the first to learn where a login started in this widget comes back to (`returnedTo`). */
  readonly auth: AuthController;

  view: View = 'sok';
  page: Page = 'find';
  /** The lokal opened (the `lokal` attribute, or a result). */
  lokalId = '';
  /** The search last sent; undefined until the first search. */
  search: LokalerSearch | undefined = { page: 1, pageSize };

  private focusHeading = false;
  private readonly featureState = new Map<object, unknown>();

  constructor(
    /** The element, for the lazy features' own controllers. */
    readonly host: KkElement & ReactiveControllerHost,
    readonly options: LokalbokningControllerOptions,
  ) {
    this.kommun = options.kommun;
    // Made before this controller is added, so that it has read the login's return when `hostUpdate` below asks.
    this.auth = new AuthController(host, { client: () => options.client() });
    this.findForm = new FormController<FindValues>(host, {
      initial: { type: '', minCapacity: '', facts: [], date: '', fromTime: '', toTime: '' },
      idFor: fieldId,
      rules: findRules(() => this.findForm.values),
    });
    this.results = new Task(host, {
      task: async ([client, search], { signal }) => {
        if (!client || !search) return initialState;
        const page = listLokaler(client, search, { signal });
        // The results show prices: the money formatter is made while they are on their way.
        prepareFormats(undefined, ['money']);
        return page;
      },
      args: () => [options.client(), this.search],
    });
    host.addController(this);
  }

  private client: KommunkitClient | undefined;

  hostUpdate(): void {
    const client = this.options.client();
    if (client === this.client) return;
    this.client = client;
    // Back from a login started in "Mina bokningar" or the season request: that view, though the
    // citizen may have switched to it inside the widget and the page's `view` names another.
    const back = this.auth.returnedTo?.step;
    if (back === 'mina' || back === 'sasong') this.showView(back, false);
    // Back from a login started on the book page: that lokal's book page again (its chunk restores the answers).
    let pending: { lokalId?: unknown } | null = null;
    try {
      pending = client ? (JSON.parse(sessionStorage.getItem(`kommunkit:lokalbokning-book:${client.kommun}`) ?? 'null') as { lokalId?: unknown } | null) : null;
    } catch {
      pending = null;
    }
    if (this.view === 'sok' && typeof pending?.lokalId === 'string') {
      this.lokalId = pending.lokalId;
      this.page = 'book';
    }
  }

  hostUpdated(): void {
    const target = this.focusHeading && this.host.renderRoot.querySelector<HTMLElement>('[data-kk-focus-target]');
    // A lazy page's heading comes with its chunk: the focus waits for it.
    if (!target) return;
    this.focusHeading = false;
    target.focus();
  }

  /** A lazy feature's state for this widget under `key`, made by `make` the first time it is asked for. */
  stateOf<T>(key: object, make: () => T): T {
    if (!this.featureState.has(key)) this.featureState.set(key, make());
    return this.featureState.get(key) as T;
  }

  /** Moves the focus to the new page's heading after the next render. */
  focusNext(): void {
    this.focusHeading = true;
    this.host.requestUpdate();
  }

  /** Switches views, with focus on the new view's heading. */
  showView(view: View, focus = true): void {
    if (view === this.view) return;
    this.view = view;
    this.focusHeading = focus;
    this.options.onViewChange(view);
    this.host.requestUpdate();
  }

  /** Goes to a page of the `sok` view. */
  showPage(page: Page, focus = true): void {
    this.page = page;
    this.focusHeading = focus;
    this.host.requestUpdate();
  }

  /** Opens a lokal's page. */
  openLokal(id: string, focus = true): void {
    this.lokalId = id;
    this.showPage('lokal', focus);
  }

  /** The find form's submit: the first page of the matching lokaler. */
  submitFind(): void {
    if (!this.findForm.submit()) return;
    const v = this.findForm.values;
    const capacity = Number(v.minCapacity);
    this.search = {
      page: 1,
      pageSize,
      type: (v.type || undefined) as LokalerSearch['type'],
      minCapacity: v.minCapacity && capacity > 0 ? capacity : undefined,
      facts: v.facts,
      ...freeSpan(v),
    };
    this.host.requestUpdate();
  }

  /** Another page of the results. */
  showResultsPage(page: number): void {
    this.search = { ...this.search, page };
    this.host.requestUpdate();
  }
}
