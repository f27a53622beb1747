/**
 * What each page shows and can do, as plain data and callbacks: `views.ts` builds them from
 * the controller, the pages render them, and page tests hand them fixtures.
 */
import type { Choice, ErrorSummaryItem, HeadingLevel, StatusChange, SummaryRow, Tone } from '@kommunkit/ui';
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

/** Something the page waits for. */
export type Loadable<T> = { state: 'loading' } | { state: 'error'; retry: () => void } | { state: 'ready'; value: T };

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
  notice: string | undefined;
  onFollow: () => void;
  onStartOver: () => void;
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
  onSubmit: () => void;
  onNewReport: () => void;
}

export type PageView = CategoryView | PlaceView | DetailsView | ContactView | CheckView | ConfirmationView;
