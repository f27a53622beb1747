import { formStyles, KkElement, LazyFeatures, registerTranslations, spinner, uiStyles } from '@kommunkit/ui';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { FelanmalanController } from './controller.js';
import './events.js';
import { felanmalanStyles } from './felanmalan.styles.js';
import { PlaceMapController } from './map/place-map-controller.js';
import { renderPage } from './pages/index.js';
import type { View } from './types.js';
import { viewOf, type ViewContext } from './views.js';

/** The pages most citizens never see, each in a chunk of its own, loaded the first time one shows. */
const features = {
  steps: () => import('./steps/steps.js'),
  follow: () => import('./follow/follow.js'),
  nearby: () => import('./nearby/nearby.js'),
  done: () => import('./done/done.js'),
  mine: () => import('./mine/mine.js'),
};
type Feature = keyof typeof features;

registerTranslations('en', () => import('./locales/en.js'));

/**
 * Felanmälan: a citizen reports a fault in public space (a broken street light, a pothole,
 * graffiti) in a few short question pages, with the place given in words or on a map, and
 * follows the report by its reference number. Speaks Open311 GeoReport v2 with the gateway.
 *
 * @tagname kk-felanmalan
 * @summary Report a fault in public space, and follow what happens to it.
 *
 * @fires {CustomEvent<ReportSubmittedDetail>} kk-report-submitted - When a report has been filed. `detail: { reference, serviceCode }`: ids only, never personal data.
 *
 * @csspart map - The map on the place page (shown when the kommun has configured one).
 * @csspart photos - The list of photo previews.
 * @csspart history - The status history of a followed report.
 *
 * @cssprop --kk-felanmalan-map-height - Height of the map (default 20em).
 * @cssprop --kk-color-primary - Buttons, links and the map pin; every `--kk-*` token of @kommunkit/ui applies.
 * @cssprop --kk-max-width - Widest the widget grows (default 40em).
 */
export class KkFelanmalan extends KkElement {
  static override styles = [uiStyles, formStyles, felanmalanStyles];

  /** `anmal` files a report (default); `folj` looks one up by reference number ("Följ ärende"); `mina` lists a logged-in citizen's own reports ("Mina anmälningar"). */
  @property({ reflect: true })
  view: View = 'anmal';

  /** With `view="folj"`: a reference number to look up at once, e.g. from a link in an e-mail. */
  @property()
  reference = '';

  readonly #controller = new FelanmalanController(this, {
    client: () => this.client,
    kommun: this.kommunInfo,
    onSubmitted: (detail) => this.emit('kk-report-submitted', detail),
    onViewChange: (view) => {
      this.view = view;
    },
    confirmation: features.done,
  });

  readonly #map = new PlaceMapController(this, {
    settings: () => (this.#controller.view === 'anmal' && this.#controller.flow.current === 'place' ? this.#controller.kommun.info?.map : undefined),
    position: () => this.#controller.placeForm.values.position,
    onMove: (position) => this.#controller.setPosition(position),
  });

  readonly #features = new LazyFeatures(this, features);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('view')) this.#controller.showView(this.view, '', false);
    if (changed.has('reference') && this.reference) this.#controller.lookUp(this.reference);
    // A page's chunk is asked for one page ahead: the later pages on the place page, the
    // confirmation on the check page (before the send).
    const step = this.#controller.flow.current;
    if (step === 'place') this.#features.preload('steps');
    if (step === 'check') this.#features.preload('done');
  }

  /** The lazy feature the citizen is on, if any. */
  #feature(): Feature | undefined {
    const c = this.#controller;
    if (c.view !== 'anmal') return c.view === 'folj' ? 'follow' : 'mine';
    if (c.submitted) return 'done';
    const step = c.flow.current;
    if (step === 'nearby') return 'nearby';
    return step === 'category' || step === 'place' ? undefined : 'steps';
  }

  override render(): TemplateResult {
    // Not set up for this page (no kommun or api, an unknown kommun, an origin not on the list): say so, and nothing else.
    const notice = this.setupNotice();
    if (notice) return notice;
    const context: ViewContext = { headingLevel: this.headingLevel, mapContainer: this.#map.container };
    const feature = this.#feature();
    if (feature) return this.#features.get(feature)?.render(this.#controller, context) ?? spinner();
    const view = viewOf(this.#controller, context);
    return view ? renderPage(view) : spinner();
  }
}
