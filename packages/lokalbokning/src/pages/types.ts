/**
 * What each page shows and can do, as plain data and callbacks: the views build them from the
 * controller, the pages render them, and page tests hand them fixtures.
 */
import type { AuthController, Choice, ErrorSummaryItem, HeadingLevel, ListDetailController, Loadable, PagerFocus, StatusChange, Tone } from '@kommunkit/ui';
import type { TemplateResult } from 'lit';

/** One form field, as `FormController.bind()` gives it. */
export interface Field<V = string> {
  name: string;
  id: string;
  value: V;
  error: string | undefined;
  onBlur: () => void;
  onInput: (value: V) => void;
  onChange: (value: V) => void;
}

/** Something the page waits for: `@kommunkit/ui`'s, which its `loadable()` makes from a task. */
export type { Loadable };

/** What every page of the widget has. */
export interface Frame {
  headingLevel: HeadingLevel;
}

/** One lokal in the results, as the citizen reads it. */
export interface ResultItem {
  id: string;
  name: string;
  summary: string;
  facts: { label: string; value: string }[];
  onOpen: () => void;
}

/**
 * "Visa på karta": the results on the kommun's map, beside the list (which stays, and says the
 * same to a screen reader). Only when the kommun has a map and a result has a place.
 */
export interface ResultsMapView {
  shown: boolean;
  onToggle: () => void;
  /** The map (its chunk's template), once the chunk has come; undefined while it loads. */
  panel: TemplateResult | undefined;
  /** The chunk could not be loaded. */
  failed: boolean;
}

export interface FindView extends Frame {
  page: 'find';
  errors: ErrorSummaryItem[];
  type: Field;
  typeOptions: { value: string; label: string }[];
  minCapacity: Field;
  facts: Field<string[]>;
  factOptions: { value: string; label: string }[];
  date: Field;
  fromTime: Field;
  toTime: Field;
  onSearch: () => void;
  results: Loadable<{
    items: ResultItem[];
    total: number;
    page: number;
    pageCount: number;
    onPage: (page: number) => void;
    focus: PagerFocus;
    /** The map toggle and the map; undefined when the kommun has no map or no result has a place. */
    map?: ResultsMapView | undefined;
  }>;
  /** "Mina bokningar", for a logged-in citizen. */
  onMine?: (() => void) | undefined;
}

// --- mine & season (C2) ---
// The views of "Mina bokningar" (`pages/mine.ts`) and the season request (`pages/season.ts`).


/** What the open booking offers about cancelling it. */
export type CancelState =
  /** Cancellable until `until` (as the citizen reads it). */
  | { state: 'open'; until: string; onAsk: () => void }
  /** "Vill du avboka …?": the booking in words; `error` when the last try failed without a verdict. */
  | { state: 'confirm'; what: string; busy: boolean; error: string | undefined; onConfirm: () => void; onKeep: () => void }
  | { state: 'cancelled' }
  /** The gateway refused (409): its reason, in Swedish. */
  | { state: 'refused'; message: string; contact: string }
  /** The deadline has passed. */
  | { state: 'too-late'; until: string; contact: string }
  /** Not cancellable by the citizen at all (`cancellableUntil` null). */
  | { state: 'not-on-web'; contact: string }
  /** Cancelled, declined or over: nothing to do. */
  | { state: 'none' };

export interface MyBookingItem {
  id: string;
  /** The lokal's name. */
  title: string;
  /** Time and reference on the row's second line. */
  secondary: string;
  status: { label: string; tone: Tone };
  rows: { key: string; value: string }[];
  /** Oldest first, as the gateway lists it. */
  history: StatusChange[];
  /** The `.ics` of an active booking. */
  calendarUrl: string | undefined;
  cancel: CancelState;
}

/** "Prenumerera i din kalender": the private feed address once made. */
export interface CalendarFeedView {
  url: string | undefined;
  busy: boolean;
  error: string | undefined;
  /** After "Kopiera": said next to the button too. */
  copied: string | undefined;
  onCreate: () => void;
  onCopy: () => void;
}

/** "Mina bokningar": behind the login gate, the citizen's bookings, upcoming first; one opens in place. */
export interface MineView {
  headingLevel: HeadingLevel;
  page: 'mine';
  auth: AuthController;
  list: ListDetailController;
  bookings: Loadable<{ items: MyBookingItem[]; page: number; pageCount: number; onPage: (page: number) => void }>;
  feed: CalendarFeedView;
  /** The polite live region's text ("Bokningen är avbokad", "Kopierad"). */
  announcement: string;
  user: { name: string; busy: boolean; error: string | undefined; onLogout: () => void } | undefined;
  onFind: () => void;
}

export interface SeasonOccurrenceItem {
  date: string;
  time: string;
  /** Free, or the conflict in words. */
  free: boolean;
  note: string;
  /** In a sent request: begärd, beviljad, avslagen. */
  status?: { label: string; tone: Tone };
}

export interface SeasonPreviewView {
  occurrences: SeasonOccurrenceItem[];
  freeCount: number;
  /** One occurrence's price, as the citizen reads it ("450 kr, varav moms 90 kr"). */
  price: string;
  busy: boolean;
  error: string | undefined;
  onSend: () => void;
}

export interface SeasonRequestItem {
  id: string;
  reference: string;
  title: string;
  rows: { key: string; value: string }[];
  status: { label: string; tone: Tone };
  /** "3 beviljade, 1 avslagen". */
  outcome: string;
  occurrences: SeasonOccurrenceItem[];
}

export interface SeasonFormView {
  lokal: Field & { choices: Choice[] };
  forening: Field & { choices: Choice[] };
  weekday: Field & { choices: Choice[] };
  startTime: Field;
  endTime: Field;
  fromDate: Field & { min: string };
  toDate: Field & { min: string };
  purpose: Field;
  attendees: Field;
  acceptTerms: Field<string[]>;
  /** The chosen lokal's terms, once read. */
  terms: string | undefined;
  errors: ErrorSummaryItem[];
  /** A failure without a field to point at. */
  message: string | undefined;
  previewBusy: boolean;
  onPreview: () => void;
}

/** The season request of a förening: behind the login gate; the form, its conflicts, the receipt. */
export interface SeasonView {
  headingLevel: HeadingLevel;
  page: 'season';
  auth: AuthController;
  /** The föreningar the citizen represents and the lokaler, before the form can show. */
  setup: Loadable<{ none: boolean }>;
  form: SeasonFormView | undefined;
  preview: SeasonPreviewView | undefined;
  receipt: { reference: string; onNew: () => void } | undefined;
  requests: Loadable<SeasonRequestItem[]>;
  onFind: () => void;
}
