import { msg, str } from '@kommunkit/ui';
import { formatDate, getLocale } from '@kommunkit/ui';
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

/** "ca 40 m bort", to the nearest 10 m: nearby reports are within a few hundred metres, so never a number that needs grouping. */
const distanceText = (metres: number): string => msg(str`ca ${Math.max(10, Math.round(metres / 10) * 10)} m bort`);

function nearbyView(c: FelanmalanController, context: ViewContext): NearbyView {
  return {
    ...frame(c, context, []),
    page: 'nearby',
    reports: c.nearby.map((report) => ({
      reference: report.service_request_id,
      title: report.address ?? report.service_name,
      status: currentStatus(report),
      description: report.description || undefined,
      reported: msg(str`Anmält ${formatDate(report.requested_datetime, getLocale())}`),
      distance: report.distance === undefined ? undefined : distanceText(report.distance),
    })),
    onFollow: (reference) => c.showView('folj', reference),
    onContinue: () => c.next(),
  };
}

/** The nearby page. */
export const render = (c: FelanmalanController, context: ViewContext): TemplateResult => nearbyPage(nearbyView(c, context));

/** Styles beyond the element's own: none. */
export const styles = [];
