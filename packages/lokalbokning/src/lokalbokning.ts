import { formStyles, KkElement, LazyFeatures, pagerStyles, registerTranslations, spinner, uiStyles } from '@kommunkit/ui';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LokalbokningController } from './controller.js';
import './events.js';
import { findView } from './find.js';
import { lokalbokningStyles } from './lokalbokning.styles.js';
import { findPage } from './pages/find.js';
import type { View } from './types.js';
import type { ViewContext } from './views.js';

/** The pages after the find page and the other views, each in a chunk of its own, loaded the first time one shows. */
const features = {
  lokal: () => import('./lokal/lokal.js'),
  mine: () => import('./mine/mine.js'),
  season: () => import('./season/season.js'),
};
type Feature = keyof typeof features;

registerTranslations('en', () => import('./locales/en.js'));

/**
 * Lokalbokning: citizens and föreningar find a municipal lokal (sports hall, meeting room,
 * community hall, outdoor pitch), see its free times in a week view and book one.
 *
 * @tagname kk-lokalbokning
 * @summary Find and book a municipal lokal.
 *
 * @fires {CustomEvent<BookingConfirmedDetail>} kk-booking-confirmed - When a booking has been made. `detail: { bookingId, lokalId, start, end, status }`: ids and times only.
 * @fires {CustomEvent<BookingCancelledDetail>} kk-booking-cancelled - When the citizen has cancelled a booking. `detail: { bookingId, lokalId, start, end }`.
 *
 * @cssprop --kk-color-primary - Buttons and links; every `--kk-*` token of @kommunkit/ui applies.
 * @cssprop --kk-max-width - Widest the widget grows (default 40em).
 */
export class KkLokalbokning extends KkElement {
  static override styles = [uiStyles, formStyles, pagerStyles, lokalbokningStyles];

  /** `sok` finds and books a lokal (default); `mina` lists a logged-in citizen's bookings ("Mina bokningar"); `sasong` is a förening's season request. */
  @property({ reflect: true })
  view: View = 'sok';

  /** With `view="sok"`: open this lokal (its id) at once. */
  @property()
  lokal = '';

  readonly #controller = new LokalbokningController(this, {
    client: () => this.client,
    kommun: this.kommunInfo,
    onConfirmed: (detail) => this.emit('kk-booking-confirmed', detail),
    onCancelled: (detail) => this.emit('kk-booking-cancelled', detail),
    onViewChange: (view) => {
      this.view = view;
    },
  });

  readonly #features = new LazyFeatures(this, features);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('view')) this.#controller.showView(this.view, false);
    if (changed.has('lokal') && this.lokal) this.#controller.openLokal(this.lokal, false);
  }

  /** The lazy feature the citizen is on, if any. */
  #feature(): Feature | undefined {
    const c = this.#controller;
    if (c.view === 'mina') return 'mine';
    if (c.view === 'sasong') return 'season';
    return c.page === 'find' ? undefined : 'lokal';
  }

  override render(): TemplateResult {
    // Not set up for this page (no kommun or api, an unknown kommun, an origin not on the list): say so, and nothing else.
    const notice = this.setupNotice();
    if (notice) return notice;
    const context: ViewContext = { headingLevel: this.headingLevel };
    const feature = this.#feature();
    if (feature) return this.#features.get(feature)?.render(this.#controller, context) ?? spinner();
    // The lokal page's chunk is asked for while the citizen looks at the results.
    if (this.#controller.results.value) this.#features.preload('lokal');
    return findPage(findView(this.#controller, context));
  }
}
