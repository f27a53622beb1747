import { loadable, msg } from '@kommunkit/ui';
import { initialState, Task } from '@lit/task';
import type { MyReport } from '@kommunkit/contract';
import type { KommunkitClient, User } from '@kommunkit/sdk';
import type { Open311ServiceRequest } from '@kommunkit/sdk/felanmalan';
import { myReport } from '@kommunkit/sdk/felanmalan-citizen';
import { formatDateTime, getLocale, statusHistoryStyles, subLevel } from '@kommunkit/ui';
import type { TemplateResult } from 'lit';
import type { FelanmalanController } from '../controller.js';
import { editView, tokenFor, type EditGrant } from '../edit/edit.js';
import { followPage } from '../pages/follow.js';
import type { EditView, FollowView, FoundReport } from '../pages/types.js';
import { currentStatus, statusLabel } from '../status.js';
import type { ViewContext } from '../views.js';

/*
 * "Följ ärende", a feature of its own chunk: most citizens come to report, so the lookup, its
 * status history and the date formatting load only when a page follows a report.
 */

function foundReport(found: Open311ServiceRequest): FoundReport {
  const lang = getLocale();
  // The place as filed: the citizen's words, or the nearest address the gateway gave a pin; its coordinates otherwise.
  const { address, lat, long } = found;
  const place = address || (lat !== undefined && long !== undefined ? `${lat.toFixed(5)}, ${long.toFixed(5)}` : '');
  const rows = [
    { key: msg('Kategori'), value: found.service_name },
    ...(place ? [{ key: msg('Plats'), value: place }] : []),
    ...(found.description ? [{ key: msg('Beskrivning'), value: found.description }] : []),
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

type OwnTask = Task<[KommunkitClient | undefined, User | null, string], MyReport | null>;
/** For a logged-in citizen, the report looked up as their own (null when it is someone else's), for its edit window. */
function ownTask(c: FelanmalanController): OwnTask {
  return c.stateOf(ownTask, (): OwnTask =>
    new Task(c.host, {
      task: async ([client, user, reference], { signal }) => (client && user && reference ? myReport(client, reference, { signal }) : initialState),
      args: () => {
        const client = c.options.client();
        return [client, client?.auth.user ?? null, c.lookupReference];
      },
    }),
  );
}

/** The edit of the report found, for the one who filed it: logged in as its owner, or holding its edit token in this tab. */
function followEdit(c: FelanmalanController, context: ViewContext, found: Open311ServiceRequest): EditView | undefined {
  const client = c.options.client();
  if (!client) return undefined;
  const reference = found.service_request_id;
  const token = tokenFor(client, reference);
  const own = ownTask(c).value;
  const until = own?.reference === reference ? own.editableUntil : undefined;
  const grant: EditGrant | undefined = until ? { until, token: token?.token } : token;
  // After a change the public report is read again: the new description, or "Återkallad".
  return editView(c, subLevel(context.headingLevel, 2), { reference, description: found.description, grant }, () => void c.lookup.run());
}

export function followView(c: FelanmalanController, context: ViewContext): FollowView {
  const form = c.followForm;
  const asked = c.lookupReference;
  const current = c.lookup.value;
  return {
    headingLevel: context.headingLevel,
    page: 'follow',
    reference: form.bind('reference'),
    errors: form.summary(),
    result: asked ? loadable(c.lookup, (found) => ({ found: found ? foundReport(found) : null, asked })) : undefined,
    edit: asked && current && current.service_request_id === asked ? followEdit(c, context, current) : undefined,
    onSubmit: () => c.submitFollow(),
    onNewReport: () => c.showView('anmal'),
  };
}


/** The follow view's page. */
export const render = (c: FelanmalanController, context: ViewContext): TemplateResult => followPage(followView(c, context));

/** Styles the follow page needs beyond the element's own, adopted when the feature loads. */
export const styles = [statusHistoryStyles];
