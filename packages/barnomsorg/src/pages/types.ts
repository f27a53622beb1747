/**
 * What each page shows and can do, as plain data and callbacks: the views build them from the
 * controller, the pages render them, and page tests hand them fixtures.
 */
import type { ErrorSummaryItem, HeadingLevel, Loadable } from '@kommunkit/ui';

export type { Loadable };

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

/** What every page of the widget has. */
export interface Frame {
  headingLevel: HeadingLevel;
}

/** What every question page of the form has: back, "Steg 2 av 8", the error summary, the draft's notices. */
export interface QuestionFrame extends Frame {
  /** "Tillbaka": undefined on the first page. */
  back: (() => void) | undefined;
  counter: { index: number; total: number } | undefined;
  errors: ErrorSummaryItem[];
  /** The draft's notices (a newer copy from another device). */
  notices: unknown;
}

/** A choice of a radio group or a select. */
export interface ChoiceItem {
  value: string;
  label: string;
  hint?: string;
}

export interface ChildView extends QuestionFrame {
  page: 'child';
  /** The children, or none; `someNotShown` says a child with protected identity was left out. */
  children: Loadable<{ choices: ChoiceItem[]; someNotShown: boolean }>;
  child: Field;
  onSubmit: () => void;
}

export interface TypeView extends QuestionFrame {
  page: 'type';
  childName: string;
  /** Only the types the child may have at some start; empty when none. */
  choices: Loadable<ChoiceItem[]>;
  type: Field;
  onSubmit: () => void;
}

export interface StartView extends QuestionFrame {
  page: 'start';
  /** "Förskola" etc., for the question. */
  typeLabel: string;
  date: Field;
  /** The earliest start the child may have, `YYYY-MM-DD`, for the hint and the field's `min`. */
  earliest: string | undefined;
  /** The guarantee date of an application sent today (förskola), as text; undefined for other types. */
  guarantee: string | undefined;
  /** The start is before the guarantee date: the warning to show (never an error). */
  warning: string | undefined;
  onSubmit: () => void;
}

/** One unit in the units page's list. */
export interface UnitItem {
  id: string;
  name: string;
  area: string;
  address: string;
  profile: string;
  openingHours: string;
  ages: string;
  /** "3 lediga platser i augusti 2027", or undefined when the month is not listed. */
  freePlaces: string | undefined;
  /** Its place among the choices (1-based), or undefined. */
  rank: number | undefined;
  /** Adds it last among the choices; undefined when it is chosen or the choices are full. */
  onRank: (() => void) | undefined;
  /** Takes it away from the choices; undefined when not chosen. */
  onUnrank: (() => void) | undefined;
}

/** One choice in the ranked list. */
export interface RankedItem {
  id: string;
  name: string;
  onUp: (() => void) | undefined;
  onDown: (() => void) | undefined;
  onRemove: () => void;
}

export interface UnitsView extends QuestionFrame {
  page: 'units';
  typeLabel: string;
  max: number;
  /** The ranked list's field (its id takes the error summary's link; its error shows there). */
  units: Field<string[]>;
  ranked: RankedItem[];
  results: Loadable<{ items: UnitItem[]; total: number }>;
  search: { id: string; value: string; onInput: (value: string) => void };
  area: { id: string; value: string; choices: ChoiceItem[]; onChange: (value: string) => void };
  /** What the live region says after a choice changed. */
  announcement: string;
  /** "Visa på karta": only when the kommun has a map. */
  map: { shown: boolean; onToggle: () => void; panel: unknown; failed: boolean } | undefined;
  onSubmit: () => void;
}

export interface SiblingView extends QuestionFrame {
  page: 'sibling';
  typeLabel: string;
  hasSibling: Field;
  siblingUnit: Field;
  unitChoices: ChoiceItem[];
  onSubmit: () => void;
}

export interface ScheduleView extends QuestionFrame {
  page: 'schedule';
  hoursPerWeek: Field;
  maxHours: number;
  dropOff: Field;
  pickUp: Field;
  reason: Field;
  reasonChoices: ChoiceItem[];
  onSubmit: () => void;
}

export interface OtherView extends QuestionFrame {
  page: 'other';
  specialNeeds: Field;
  diet: Field;
  motherTongue: Field;
  message: Field;
  maxFreeText: number;
  onSubmit: () => void;
}

/** The fee estimate's numbers, as text. */
export interface FeeResult {
  /** "1 713 kr". */
  monthly: string;
  /** "3 procent av hushållets inkomst, högst … (inkomsttaket 2025)". */
  basis: string;
  free: boolean;
}

export interface FeeView extends QuestionFrame {
  page: 'fee';
  typeLabel: string;
  income: Field;
  siblingOrder: Field;
  siblingChoices: ChoiceItem[];
  /** The ceiling as text, "57 130 kr", and its year. */
  ceiling: string;
  year: number;
  /** Undefined until an income is typed. */
  result: FeeResult | undefined;
  onSubmit: () => void;
}

export interface CheckView extends QuestionFrame {
  page: 'check';
  rows: { key: string; value: unknown; onChange?: () => void }[];
  problem: { kind: 'aktiv' | 'fel'; text: string } | undefined;
  onOverview: () => void;
  busy: boolean;
  onSubmit: () => void;
}

export interface ConfirmationView extends Frame {
  page: 'confirmation';
  reference: string;
  /** The guarantee date as text (förskola); undefined for other types. */
  guarantee: string | undefined;
  typeLabel: string;
  childName: string;
  replyDays: number;
  /** The other guardian must confirm before the kommun handles it. */
  otherGuardianMustConfirm: boolean;
  onOverview: () => void;
  onStartOver: () => void;
}

// --- overview (W2) ---
// The views of "Mina ansökningar och placeringar" (`pages/overview.ts`) and of one application or
// placement (`pages/application.ts`).
import type { StatusChange as OverviewStatusChange, Tone as OverviewTone } from '@kommunkit/ui';

/** A status as its tag shows it. */
export interface StatusLabel {
  label: string;
  tone: OverviewTone;
}

/** One application or placement in the overview: a button that opens it, with what to do next. */
export interface OverviewItem {
  id: string;
  /** "Förskola för Vera Andersson". */
  title: string;
  /** "Skickad 1 december 2026 · EXS-F-2026-000123". */
  secondary: string;
  status: StatusLabel;
  /** What happens next, or what the guardian should do, in words. */
  next: string;
  /** True when the guardian has something to do (answer an offer, confirm). */
  action: boolean;
  onOpen: () => void;
}

export interface OverviewView extends Frame {
  page: 'overview';
  overview: Loadable<{ applications: OverviewItem[]; placements: OverviewItem[] }>;
  /** An unsent application (utkast): "Fortsätt med ansökan". */
  draft: { text: string; onResume: () => void } | undefined;
  onApply: () => void;
}

/** The offer of a place and the guardian's answer to it. */
export type OfferState =
  | { state: 'none' }
  | { state: 'open'; unitName: string; startDate: string; replyBy: string; onAnswer: (answer: 'accepterad' | 'avbojd') => void }
  | {
      state: 'confirm';
      answer: 'accepterad' | 'avbojd';
      unitName: string;
      startDate: string;
      busy: boolean;
      error: string | undefined;
      onConfirm: () => void;
      onCancel: () => void;
    }
  | { state: 'answered'; answer: 'accepterad' | 'avbojd'; unitName: string; startDate: string; answeredAt: string | undefined; onPlacement: (() => void) | undefined }
  | { state: 'expired'; unitName: string; replyBy: string; contact: string }
  | { state: 'refused'; message: string; contact: string };

/** Withdrawing (återkalla), only before an offer. */
export type WithdrawState =
  | { state: 'none' }
  | { state: 'open'; onAsk: () => void }
  | { state: 'confirm'; busy: boolean; error: string | undefined; onConfirm: () => void; onKeep: () => void }
  | { state: 'withdrawn' }
  | { state: 'refused'; message: string };

/** The other guardian's confirmation, when the kommun asks for it. */
export type ConfirmState =
  | { state: 'none' }
  | { state: 'open'; sentBy: string; child: string; busy: boolean; error: string | undefined; onConfirm: () => void }
  | { state: 'confirmed' };

export interface MessageItem {
  id: string;
  fromKommun: boolean;
  author: string;
  text: string;
  at: string;
}

export interface MessagesView {
  items: MessageItem[];
  field: Field & { max: number };
  errors: ErrorSummaryItem[];
  busy: boolean;
  /** The send failed for another reason than the text (network, 503). */
  error: string | undefined;
  onSend: () => void;
}

export interface ApplicationDetail {
  title: string;
  status: StatusLabel;
  next: string;
  /** Facts as summary rows: type, child, start, reference, sent, schedule, reason… */
  facts: { key: string; value: string }[];
  /** The units, first choice first. */
  units: string[];
  /** "Ansökan skickades av Erik Andersson, barnets andra vårdnadshavare." */
  sentByOther: string | undefined;
  history: OverviewStatusChange[];
  offer: OfferState;
  withdraw: WithdrawState;
  confirm: ConfirmState;
  messages: MessagesView;
}

export interface ApplicationView extends Frame {
  page: 'application';
  onBack: () => void;
  /** `missing`: the gateway answered 404 (not there, or not the guardian's). */
  application: Loadable<ApplicationDetail> | { state: 'missing' };
  /** Said in the polite live region ("Meddelandet är skickat"). */
  announcement: string;
}

/** A placement's notice (uppsägning). */
export type NoticeState =
  | { state: 'none'; text: string }
  | { state: 'closed'; onStart: () => void }
  | {
      state: 'form';
      wishedEndDate: Field & { min: string };
      reason: Field & { max: number };
      /** The last day the kommun will set, computed from the notice period: "31 mars 2027". */
      lastDay: string;
      /** "Uppsägningstiden är 2 månader." */
      period: string;
      /** Whether the wished day lies inside the notice period (then the period's end wins). */
      wishedTooEarly: boolean;
      errors: ErrorSummaryItem[];
      busy: boolean;
      error: string | undefined;
      onSend: () => void;
      onCancel: () => void;
    }
  | { state: 'given'; lastDay: string }
  | { state: 'refused'; message: string; contact: string };

export interface PlacementDetail {
  title: string;
  status: StatusLabel;
  facts: { key: string; value: string }[];
  notice: NoticeState;
}

export interface PlacementView extends Frame {
  page: 'placement';
  onBack: () => void;
  placement: Loadable<PlacementDetail> | { state: 'missing' };
  announcement: string;
}
