import { msg } from '@lit/localize';
import type { Open311ServiceRequest } from '@kommunkit/sdk/felanmalan';
import { formatDateTime, getLocale, statusHistoryStyles } from '@kommunkit/ui';
import type { TemplateResult } from 'lit';
import type { FelanmalanController } from '../controller.js';
import { loadable } from '../loadable.js';
import { followPage } from '../pages/follow.js';
import type { FollowView, FoundReport } from '../pages/types.js';
import { currentStatus, statusLabel } from '../status.js';
import type { ViewContext } from '../views.js';

/*
 * "Följ ärende", a feature of its own chunk: most citizens come to report, so the lookup, its
 * status history and the date formatting load only when a page follows a report.
 */

function foundReport(found: Open311ServiceRequest): FoundReport {
  const lang = getLocale();
  const rows = [
    { key: msg('Kategori'), value: found.service_name },
    ...(found.address ? [{ key: msg('Plats'), value: found.address }] : []),
    { key: msg('Anmält'), value: formatDateTime(found.requested_datetime, lang) },
    ...(found.expected_datetime ? [{ key: msg('Beräknas klart'), value: formatDateTime(found.expected_datetime, lang) }] : []),
  ];
  return {
    reference: found.service_request_id,
    status: currentStatus(found),
    rows,
    notes: found.status_notes || undefined,
    history: (found.extended_attributes?.status_history ?? []).map((change) => ({ ...statusLabel(change.status), at: change.at, ...(change.note ? { note: change.note } : {}) })),
  };
}

export function followView(c: FelanmalanController, context: ViewContext): FollowView {
  const form = c.followForm;
  const asked = c.lookupReference;
  return {
    headingLevel: context.headingLevel,
    page: 'follow',
    reference: form.bind('reference'),
    errors: form.summary(),
    result: asked ? loadable(c.lookup, (found) => ({ found: found ? foundReport(found) : null, asked })) : undefined,
    onSubmit: () => c.submitFollow(),
    onNewReport: () => c.showView('anmal'),
  };
}


/** The follow view's page. */
export const render = (c: FelanmalanController, context: ViewContext): TemplateResult => followPage(followView(c, context));

/** Styles the follow page needs beyond the element's own, adopted when the feature loads. */
export const styles = [statusHistoryStyles];
