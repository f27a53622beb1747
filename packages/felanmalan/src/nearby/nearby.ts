import type { TemplateResult } from 'lit';
import type { FelanmalanController } from '../controller.js';
import { nearbyPage } from '../pages/nearby.js';
import type { NearbyView } from '../pages/types.js';
import { currentStatus } from '../status.js';
import { frame, type ViewContext } from '../views.js';

/*
 * "Är felet redan anmält?", a feature of its own chunk: the page shows only when there are open
 * reports of the category near the place, so it loads only then.
 */

function nearbyView(c: FelanmalanController, context: ViewContext): NearbyView {
  return {
    ...frame(c, context, []),
    page: 'nearby',
    reports: c.nearby.map((report) => ({
      reference: report.service_request_id,
      title: report.address ?? report.service_name,
      status: currentStatus(report),
      description: report.description || undefined,
    })),
    onFollow: (reference) => c.showView('folj', reference),
    onContinue: () => c.next(),
  };
}

/** The nearby page. */
export const render = (c: FelanmalanController, context: ViewContext): TemplateResult => nearbyPage(nearbyView(c, context));

/** Styles beyond the element's own: none. */
export const styles = [];
