import { msg, str } from '@kommunkit/ui';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { Booking, MyBookings } from '@kommunkit/contract';
import { ApiError, type KommunkitClient, type User } from '@kommunkit/sdk';
import { bookingCalendarUrl } from '@kommunkit/sdk/lokalbokning';
import { cancelBooking, createCalendarFeed, myBookings } from '@kommunkit/sdk/lokalbokning-mine';
import {
  AuthController,
  formatDate,
  formatDateTime,
  formatMoney,
  formatTimeRange,
  getLocale,
  ListDetailController,
  listDetailStyles,
  pageCountOf,
  statusHistoryStyles,
} from '@kommunkit/ui';
import type { ReactiveController, TemplateResult } from 'lit';
import type { LokalbokningController } from '../controller.js';
import { minePage } from '../pages/mine.js';
import type { CancelState, MineView, MyBookingItem } from '../pages/types.js';
import type { ViewContext } from '../views.js';
import { mineStyles } from './mine.styles.js';

/*
 * "Mina bokningar", a chunk of its own: the login gate, then the citizen's bookings a page at a
 * time, upcoming first; each opens in place with its price, history, `.ics` and cancelling
 * (with a confirm step, or the deadline explained); and a private calendar feed address.
 */

const pageSize = 10;

type Status = Booking['status'];
/** The statuses in words, as the citizen reads them. */
export const statusLabel = (status: Status): { label: string; tone: 'info' | 'success' | 'error' | 'neutral' } =>
  status === 'preliminar'
    ? { label: msg('Preliminär (väntar på besked)'), tone: 'info' }
    : status === 'bekraftad'
      ? { label: msg('Bekräftad'), tone: 'success' }
      : status === 'avbojd'
        ? { label: msg('Avböjd'), tone: 'error' }
        : { label: msg('Avbokad'), tone: 'neutral' };

/** "10 december 2026, 18:00–20:00", or both ends in full across days. */
export function whenText(start: string, end: string, lang = getLocale()): string {
  const date = formatDate(start, lang);
  return date === formatDate(end, lang) ? `${date}, ${formatTimeRange(start, end, lang)}` : formatTimeRange(start, end, lang);
}

/** What the citizen did to a booking here: asked to cancel, cancelled it, was refused. */
type CancelUi = { state: 'confirm'; busy: boolean; error: string | undefined } | { state: 'cancelled' } | { state: 'refused'; message: string };

class Mine implements ReactiveController {
  readonly auth: AuthController;
  readonly list: ListDetailController;
  readonly bookings: Task<[KommunkitClient | undefined, User | null | undefined, number], MyBookings>;
  page = 1;
  /** Bookings as a cancel here left them, over the page as loaded. */
  readonly changed = new Map<string, Booking>();
  readonly cancels = new Map<string, CancelUi>();
  feed: { url: string | undefined; busy: boolean; error: string | undefined; copied: string | undefined } = { url: undefined, busy: false, error: undefined, copied: undefined };
  announcement = '';
  loggingOut = false;
  logoutError: string | undefined;
  /** Where focus goes after the next update. */
  private focus: string | undefined;

  constructor(private readonly c: LokalbokningController) {
    // The gate's login comes back to this view: `loginGate(…, { returnTo: { step: 'mina' } })`.
    this.auth = new AuthController(c.host, { client: () => c.options.client() });
    this.list = new ListDetailController(c.host, {
      // Back on the list, an unanswered "Vill du avboka?" is dropped.
      onChange: () => {
        for (const [id, ui] of this.cancels) if (ui.state === 'confirm') this.cancels.delete(id);
      },
    });
    this.bookings = new Task(c.host, {
      task: async ([client, user, page], { signal }) => {
        if (!client || !user) return initialState;
        const found = await myBookings(client, { page, pageSize }, { signal });
        this.changed.clear();
        return found;
      },
      args: () => [c.options.client(), this.auth.user, this.page],
    });
    c.host.addController(this);
  }

  hostUpdated(): void {
    const selector = this.focus;
    if (!selector) return;
    this.focus = undefined;
    this.c.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private update(focus?: string): void {
    if (focus) this.focus = focus;
    this.c.host.requestUpdate();
  }

  /** Says `text` in the polite live region, again even when it was the last thing said. */
  async announce(text: string): Promise<void> {
    this.announcement = '';
    this.update();
    await this.c.host.updateComplete;
    this.announcement = text;
    this.update();
  }

  showPage(page: number): void {
    this.page = page;
    this.list.focusList();
  }

  private failed(error: unknown): boolean {
    if (error instanceof ApiError && error.status === 401) {
      this.auth.sessionEnded();
      return true;
    }
    return false;
  }

  ask(booking: Booking): void {
    this.cancels.set(booking.id, { state: 'confirm', busy: false, error: undefined });
    this.update('[data-kk-cancel] [data-kk-focus-target]');
  }

  keep(booking: Booking): void {
    this.cancels.delete(booking.id);
    this.update('[data-kk-cancel] button');
  }

  async cancel(booking: Booking): Promise<void> {
    const client = this.c.options.client();
    const ui = this.cancels.get(booking.id);
    if (!client || ui?.state !== 'confirm' || ui.busy) return;
    this.cancels.set(booking.id, { state: 'confirm', busy: true, error: undefined });
    this.update();
    try {
      const cancelled = await cancelBooking(client, booking.id);
      this.changed.set(booking.id, cancelled);
      this.cancels.set(booking.id, { state: 'cancelled' });
      this.update('[data-kk-cancel] [data-kk-focus-target]');
      this.c.options.onCancelled({ bookingId: cancelled.id, lokalId: cancelled.lokalId, start: cancelled.start, end: cancelled.end });
      void this.announce(msg('Bokningen är avbokad'));
    } catch (error) {
      if (this.failed(error)) return;
      if (error instanceof ApiError && error.status === 409) {
        this.cancels.set(booking.id, { state: 'refused', message: error.detail ?? msg('Bokningen går inte längre att avboka.') });
        this.update('[data-kk-cancel] [data-kk-focus-target]');
        return;
      }
      const message =
        error instanceof ApiError && error.status === 404
          ? msg('Vi hittade inte bokningen. Den kan redan vara borttagen.')
          : msg('Det gick inte att avboka just nu. Kontrollera din internetanslutning och försök igen.');
      this.cancels.set(booking.id, { state: 'confirm', busy: false, error: message });
      this.update();
    }
  }

  async createFeed(): Promise<void> {
    const client = this.c.options.client();
    if (!client || this.feed.busy) return;
    this.feed = { ...this.feed, busy: true, error: undefined, copied: undefined };
    this.update();
    try {
      const { url } = await createCalendarFeed(client);
      this.feed = { url, busy: false, error: undefined, copied: undefined };
      this.update('#kk-lb-feed-url');
      void this.announce(msg('Din kalenderadress är klar'));
    } catch (error) {
      this.feed = { ...this.feed, busy: false, error: msg('Det gick inte att skapa en kalenderadress just nu. Försök igen om en stund.') };
      this.update();
      this.failed(error);
    }
  }

  async copyFeed(): Promise<void> {
    const url = this.feed.url;
    if (!url) return;
    let said: string;
    try {
      await navigator.clipboard.writeText(url);
      said = msg('Kopierad');
    } catch {
      // No clipboard here (permissions, an old browser): the address is selected for the keys.
      const input = this.c.host.renderRoot.querySelector<HTMLInputElement>('#kk-lb-feed-url');
      input?.focus();
      input?.select();
      said = msg('Adressen är markerad. Kopiera den med Ctrl+C, eller Cmd+C på Mac.');
    }
    this.feed = { ...this.feed, copied: said };
    void this.announce(said);
  }

  async logout(): Promise<void> {
    if (this.loggingOut) return;
    this.loggingOut = true;
    this.logoutError = undefined;
    this.update();
    try {
      await this.auth.logout();
      this.cancels.clear();
      this.feed = { url: undefined, busy: false, error: undefined, copied: undefined };
      this.update('[data-kk-focus-target]');
    } catch {
      this.logoutError = msg('Det gick inte att logga ut just nu. Kontrollera din internetanslutning och försök igen.');
    } finally {
      this.loggingOut = false;
      this.update();
    }
  }
}

const states = new WeakMap<LokalbokningController, Mine>();
const mineOf = (c: LokalbokningController): Mine => {
  let mine = states.get(c);
  if (!mine) states.set(c, (mine = new Mine(c)));
  return mine;
};

const active = (status: Status): boolean => status === 'preliminar' || status === 'bekraftad';

function cancelState(c: LokalbokningController, mine: Mine, booking: Booking, lang: ReturnType<typeof getLocale>): CancelState {
  const ui = mine.cancels.get(booking.id);
  const contact = c.options.kommun.info?.name ?? msg('kommunen');
  if (ui?.state === 'cancelled') return { state: 'cancelled' };
  if (ui?.state === 'refused') return { state: 'refused', message: ui.message, contact };
  if (!active(booking.status) || Date.parse(booking.end) <= Date.now()) return { state: 'none' };
  if (ui?.state === 'confirm')
    return {
      state: 'confirm',
      what: `${booking.lokalName}, ${whenText(booking.start, booking.end, lang)}`,
      busy: ui.busy,
      error: ui.error,
      onConfirm: () => void mine.cancel(booking),
      onKeep: () => mine.keep(booking),
    };
  const until = booking.cancellableUntil;
  if (until === null) return { state: 'not-on-web', contact };
  if (Date.parse(until) <= Date.now()) return { state: 'too-late', until: formatDateTime(until, lang), contact };
  return { state: 'open', until: formatDateTime(until, lang), onAsk: () => mine.ask(booking) };
}

/** One booking as its row and, when open, its detail. */
function item(c: LokalbokningController, mine: Mine, booking: Booking, client: KommunkitClient | undefined): MyBookingItem {
  const lang = getLocale();
  const when = whenText(booking.start, booking.end, lang);
  const { price } = booking;
  const rows = [
    { key: msg('Tid'), value: when },
    { key: msg('Referensnummer'), value: booking.reference },
    { key: msg('Ändamål'), value: booking.purpose },
    ...(booking.attendees === undefined ? [] : [{ key: msg('Antal personer'), value: String(booking.attendees) }]),
    ...(booking.forening ? [{ key: msg('Förening'), value: booking.forening.name }] : []),
    {
      key: msg('Pris'),
      value: price.vatOre > 0 ? msg(str`${formatMoney(price.totalOre, lang, { fraction: 'auto' })}, varav moms ${formatMoney(price.vatOre, lang, { fraction: 'auto' })}`) : formatMoney(price.totalOre, lang, { fraction: 'auto' }),
    },
    { key: msg('Bokad'), value: formatDateTime(booking.createdAt, lang) },
  ];
  return {
    id: booking.id,
    title: booking.lokalName,
    secondary: `${when} · ${booking.reference}`,
    status: statusLabel(booking.status),
    rows,
    history: booking.history.map((change) => ({ ...statusLabel(change.status), at: change.at, ...(change.note ? { note: change.note } : {}) })),
    calendarUrl: client && active(booking.status) ? bookingCalendarUrl(client, booking.id) : undefined,
    cancel: cancelState(c, mine, booking, lang),
  };
}

/** Upcoming first (soonest first), then those that have been (latest first), whatever order a page comes in. */
function ordered(bookings: readonly Booking[]): Booking[] {
  const now = Date.now();
  const upcoming = bookings.filter((b) => Date.parse(b.end) > now).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const past = bookings.filter((b) => Date.parse(b.end) <= now).sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  return [...upcoming, ...past];
}

export function mineView(c: LokalbokningController, context: ViewContext): MineView {
  const mine = mineOf(c);
  const user = mine.auth.user;
  const client = c.options.client();
  const task = mine.bookings;
  const found = task.value;
  return {
    headingLevel: context.headingLevel,
    page: 'mine',
    auth: mine.auth,
    list: mine.list,
    bookings:
      task.status === TaskStatus.COMPLETE && found
        ? {
            state: 'ready',
            value: {
              items: ordered(found.items).map((booking) => item(c, mine, mine.changed.get(booking.id) ?? booking, client)),
              page: found.page,
              pageCount: pageCountOf(found),
              onPage: (page) => mine.showPage(page),
            },
          }
        : task.status === TaskStatus.ERROR
          ? { state: 'error', retry: () => void task.run() }
          : { state: 'loading' },
    feed: { ...mine.feed, onCreate: () => void mine.createFeed(), onCopy: () => void mine.copyFeed() },
    announcement: mine.announcement,
    user: user ? { name: user.name, busy: mine.loggingOut, error: mine.logoutError, onLogout: () => void mine.logout() } : undefined,
    onFind: () => c.showView('sok'),
  };
}

/** The page of "Mina bokningar". */
export const render = (c: LokalbokningController, context: ViewContext): TemplateResult => minePage(mineView(c, context));

/** Styles the list, its details, history and pager need beyond the element's own. */
export const styles = [listDetailStyles, statusHistoryStyles, mineStyles];
