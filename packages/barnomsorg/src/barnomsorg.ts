import { formStyles, KkElement, LazyFeatures, loginGate, msg, registerTranslations, spinner, uiStyles } from '@kommunkit/ui';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { barnomsorgStyles } from './barnomsorg.styles.js';
import { BarnomsorgController } from './controller.js';
import './events.js';
import type { View } from './types.js';
import type { ViewContext } from './views.js';

/**
 * The views and pages most guardians open once, each in a chunk of its own, loaded the first
 * time one shows. A feature module exports `render(controller, context)` (undefined when it has
 * nothing to show yet) and `styles`.
 */
const features = {
  apply: () => import('./apply/apply.js'),
  steps: () => import('./steps/steps.js'),
  overview: () => import('./overview/overview.js'),
  application: () => import('./application/application.js'),
};
type Feature = keyof typeof features;

registerTranslations('en', () => import('./locales/en.js'));

/**
 * Barnomsorg: a guardian logs in with e-legitimation, applies for a place in förskola,
 * pedagogisk omsorg or fritidshem for their child, follows the application, answers a placement
 * offer and later gives notice.
 *
 * @tagname kk-barnomsorg
 * @summary Apply for a childcare place, and follow the application to a placement.
 *
 * @fires {CustomEvent<ApplicationSubmittedDetail>} kk-application-submitted - When an application has been sent. `detail: { applicationId }`: the id only, never the child or the guardian.
 * @fires {CustomEvent<OfferAnsweredDetail>} kk-offer-answered - When the guardian has answered a placement offer. `detail: { applicationId, answer }` (`accepterad` or `avbojd`).
 *
 * @csspart map - The units map on the units page (shown when the kommun has a map and the guardian asks for it).
 *
 * @cssprop --kk-color-primary - Buttons and links; every `--kk-*` token of @kommunkit/ui applies.
 * @cssprop --kk-max-width - Widest the widget grows (default 40em).
 */
export class KkBarnomsorg extends KkElement {
  static override styles = [uiStyles, formStyles, barnomsorgStyles];

  /** `oversikt` shows the guardian's applications and placements ("Mina ansökningar och placeringar", default); `ansok` opens the application form at once. */
  @property({ reflect: true })
  view: View = 'oversikt';

  readonly #controller = new BarnomsorgController(this, {
    client: () => this.client,
    kommun: this.kommunInfo,
    onSubmitted: (detail) => this.emit('kk-application-submitted', detail),
    onOfferAnswered: (detail) => this.emit('kk-offer-answered', detail),
    onViewChange: (view) => {
      this.view = view;
    },
  });

  readonly #features = new LazyFeatures(this, features);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('view')) this.#controller.showView(this.view, false);
    // A chunk is asked for one page ahead: the later pages on the start page; from the list, an
    // application and the form's first pages.
    const c = this.#controller;
    if (c.view === 'ansok' && c.flow.current === 'start') this.#features.preload('steps');
    if (c.view === 'oversikt' && !c.opened && this.#features.get('overview')) {
      this.#features.preload('application');
      this.#features.preload('apply');
    }
  }

  /** The lazy feature the guardian is on: every view and page is one. */
  #feature(): Feature {
    const c = this.#controller;
    if (c.view === 'oversikt') return c.opened ? 'application' : 'overview';
    const step = c.flow.current;
    return step === 'child' || step === 'type' || step === 'start' ? 'apply' : 'steps';
  }

  #content(context: ViewContext): TemplateResult {
    return this.#features.get(this.#feature())?.render(this.#controller, context) ?? spinner();
  }

  override render(): TemplateResult {
    // Not set up for this page (no kommun or api, an unknown kommun, an origin not on the list): say so, and nothing else.
    const notice = this.setupNotice();
    if (notice) return notice;
    const context: ViewContext = { headingLevel: this.headingLevel };
    return loginGate(this.#controller.auth, {
      headingLevel: this.headingLevel,
      reason: msg('Du behöver logga in med e-legitimation för att ansöka om plats i förskola, pedagogisk omsorg eller fritidshem och se dina ansökningar.'),
      returnTo: { step: this.#controller.view },
      content: () => this.#content(context),
    });
  }
}
