/**
 * What each page shows and can do, as plain data and callbacks: `views.ts` builds them from
 * the controller, the pages render them, and page tests hand them fixtures.
 */
import type { AuthController, Choice, ErrorSummaryItem, HeadingLevel, ListDetailController, StatusChange, SummaryRow, Tone } from '@kommunkit/ui';
import type { Ref } from 'lit/directives/ref.js';

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
import type { Loadable } from '@kommunkit/ui';
export type { Loadable };

/** What every page of the widget has. */
export interface Frame {
  headingLevel: HeadingLevel;
}

/** A question page: the back link and "Steg 2 av 5" above the heading. */
export interface QuestionFrame extends Frame {
  back: (() => void) | undefined;
  counter: { index: number; total: number } | undefined;
  /** Errors of the page's form, for the error summary. */
  errors: ErrorSummaryItem[];
  /** The draft's notices (changed elsewhere, not saved, files lost), at the top of the page. */
  notices?: unknown;
}

export interface StatusLabel {
  label: string;
  tone: Tone;
}

export interface CategoryGroup {
  id: string;
  label: string;
  choices: Choice[];
}

export interface CategoryView extends QuestionFrame {
  page: 'category';
  categories: Loadable<{ groups: CategoryGroup[]; none: boolean }>;
  search: { id: string; value: string; onInput: (value: string) => void; matches: number | undefined };
  category: Field;
  /** Where to turn instead, for a category the kommun does not handle. */
  handoffNote: string | undefined;
  onSubmit: () => void;
  onFollow: () => void;
  /** "Mina anmälningar", for a logged-in citizen. */
  onMine?: (() => void) | undefined;
}

export interface PlaceView extends QuestionFrame {
  page: 'place';
  address: Field;
  /** The chosen pin as text, with the way to remove it. */
  position: { text: string; onClear: () => void } | undefined;
  onUseMyPosition: () => void;
  positionMessage: { tone: 'info' | 'error'; text: string } | undefined;
  /** The map, when the kommun has one: where it goes and whose tiles they are. */
  map: { container: Ref<HTMLDivElement>; attribution: string } | undefined;
  searchingNearby: boolean;
  onSubmit: () => void;
}

export interface NearbyReport {
  reference: string;
  title: string;
  status: StatusLabel;
  description: string | undefined;
  /** When it was reported, as the citizen reads it ("Anmält 20 november 2026"). */
  reported?: string | undefined;
  /** How far from the chosen place ("ca 40 m bort"), when the report has a position. */
  distance?: string | undefined;
}

export interface NearbyView extends QuestionFrame {
  page: 'nearby';
  reports: NearbyReport[];
  onFollow: (reference: string) => void;
  onContinue: () => void;
}

export interface PhotoPreview {
  id: number;
  name: string;
  url: string;
}

export interface DetailsView extends QuestionFrame {
  page: 'details';
  description: Field;
  /** The longest description the gateway takes, for the character count. */
  descriptionMax: number;
  /** The category's extra questions, rendered by ui's question renderer. */
  questions: Loadable<unknown[]>;
  /** The number to phone at once, when an answer means danger now; undefined otherwise. */
  urgentPhone?: string | undefined;
  photos: {
    id: string;
    max: number;
    accept: string;
    error: string | undefined;
    busy: boolean;
    list: PhotoPreview[];
    onFiles: (files: File[]) => void;
    onRemove: (id: number) => void;
  };
  onSubmit: () => void;
}

export interface ContactView extends QuestionFrame {
  page: 'contact';
  firstName: Field;
  lastName: Field;
  email: Field;
  phone: Field;
  /** Logging in, for an anonymous citizen: their name is then filled in. */
  onLogin?: (() => void) | undefined;
  onSubmit: () => void;
}

export interface CheckView extends QuestionFrame {
  page: 'check';
  rows: SummaryRow[];
  submitError: string | undefined;
  busy: boolean;
  onSubmit: () => void;
}

export interface ConfirmationView extends Frame {
  page: 'confirmation';
  reference: string | undefined;
  /** The kommun's notice, unless it only repeats the thanks and the number. */
  notice: string | undefined;
  /** Correcting or withdrawing the report, while the gateway allows it. */
  edit: EditView | undefined;
  /** "Mina anmälningar", for a logged-in citizen. */
  onMine: (() => void) | undefined;
  onFollow: () => void;
  onStartOver: () => void;
}

/**
 * Correcting the description of a report just filed, or withdrawing it, within the time the
 * gateway gives: closed (the two buttons), the form, the question before withdrawing, busy, and
 * the outcome.
 */
export interface EditView extends Frame {
  state: 'closed' | 'editing' | 'withdrawing' | 'edited' | 'withdrawn' | 'too-late';
  /** Until when, as the citizen reads it (a time today, or a date and time). */
  until: string;
  description: Field;
  descriptionMax: number;
  errors: ErrorSummaryItem[];
  busy: boolean;
  /** The gateway's reason for `too-late`; in the other states, why the last try failed. */
  message: string | undefined;
  onEdit: () => void;
  onWithdraw: () => void;
  onSave: () => void;
  onConfirmWithdraw: () => void;
  onCancel: () => void;
}

/** One of the citizen's own reports, in "Mina anmälningar". */
export interface MyReportItem {
  id: string;
  /** The category. */
  title: string;
  /** Place, date and reference on the row's second line. */
  secondary: string;
  status: StatusLabel;
  rows: { key: string; value: string }[];
  description: string;
  /** Oldest first, as the gateway lists it. */
  history: StatusChange[];
  /** Built only for the open report. */
  edit: EditView | undefined;
}

/** "Mina anmälningar": behind the login gate, the citizen's own reports, newest first; one opens in place. */
export interface MineView extends Frame {
  page: 'mine';
  auth: AuthController;
  list: ListDetailController;
  reports: Loadable<MyReportItem[]>;
  /** Who is logged in, and logging out (which also takes the contact details out of the draft). */
  user: { name: string; busy: boolean; error: string | undefined; onLogout: () => void } | undefined;
  onNewReport: () => void;
  onFollow: () => void;
}

export interface FoundReport {
  reference: string;
  status: StatusLabel;
  rows: { key: string; value: string }[];
  notes: string | undefined;
  /** Oldest first, as the gateway lists it. */
  history: StatusChange[];
}

export interface FollowView extends Frame {
  page: 'follow';
  reference: Field;
  errors: ErrorSummaryItem[];
  /** Nothing asked yet, or the answer to the last question. */
  result: Loadable<{ found: FoundReport | null; asked: string }> | undefined;
  /** Correcting or withdrawing the report found, for the one who filed it (logged in, or holding its edit token). */
  edit?: EditView | undefined;
  onSubmit: () => void;
  onNewReport: () => void;
}

export type PageView = CategoryView | PlaceView | DetailsView | ContactView | CheckView;
