import type { TemplateResult } from 'lit';
import type { FelanmalanController } from '../controller.js';
import { editView, keepToken, tokenFor } from '../edit/edit.js';
import { confirmationPage } from '../pages/confirmation.js';
import type { ConfirmationView } from '../pages/types.js';
import type { ViewContext } from '../views.js';

/*
 * The confirmation, a chunk of its own (asked for on the check page): the reference number,
 * which a reload keeps (the controller restores `submitted` from sessionStorage), and the
 * report's edit or withdrawal for as long as the gateway allows it.
 */

/** The gateway's notice, unless it only says what the panel already does ("Tack! … har nummer …"). */
const ownNotice = (notice: string | undefined, reference: string): string | undefined => (notice && !notice.includes(reference) ? notice : undefined);

export function confirmationView(c: FelanmalanController, context: ViewContext): ConfirmationView {
  const submitted = c.submitted!;
  const { reference } = submitted;
  const client = c.options.client();
  const until = submitted.editableUntil;
  // The token goes with the reference into this tab's storage, for the follow view and a reload.
  if (client && until && submitted.editToken) keepToken(client, reference, { until, token: submitted.editToken });
  const grant = until ? { until, token: submitted.editToken ?? (client && tokenFor(client, reference)?.token) } : undefined;
  const answered = c.detailsForm.values.description.trim();
  return {
    headingLevel: context.headingLevel,
    page: 'confirmation',
    reference,
    notice: ownNotice(submitted.notice, reference),
    edit: editView(c, context.headingLevel, { reference, description: answered || undefined, grant }),
    onMine: client?.auth.user ? () => c.showView('mina') : undefined,
    onFollow: () => c.showView('folj', reference),
    onStartOver: () => c.startOver(),
  };
}

/** The confirmation page. */
export const render = (c: FelanmalanController, context: ViewContext): TemplateResult => confirmationPage(confirmationView(c, context));

/** Styles beyond the element's own: none. */
export const styles = [];
