import type { Application, Placement } from '@kommunkit/contract';
import { swedishDate } from '@kommunkit/contract/barnomsorg-rules';
import { formatDate, getLocale, listDetailStyles, msg, str } from '@kommunkit/ui';
import { TaskStatus } from '@lit/task';
import type { ReactiveController, TemplateResult } from 'lit';
import type { BarnomsorgController } from '../controller.js';
import { overviewPage } from '../pages/overview.js';
import type { OverviewItem, OverviewView } from '../pages/types.js';
import type { ViewContext } from '../views.js';
import { applicationNext, applicationStatusLabel, placementNext, placementStatusLabel, placeTitle, typeLabel } from './labels.js';
import { overviewStyles } from './overview.styles.js';

/*
 * "Mina ansökningar och placeringar", a chunk of its own (view `oversikt`, behind the element's
 * login gate): the guardian's applications, newest first, and the children's placements, each
 * a row that opens it (the `application` chunk); the unsent application to go on with.
 */

class Overview implements ReactiveController {
  /** The row the guardian opened: it takes the focus back when the list shows again. */
  private returnTo: string | undefined;
  private focusRow: string | undefined;

  constructor(private readonly c: BarnomsorgController) {
    c.host.addController(this);
  }

  hostUpdated(): void {
    const id = this.focusRow;
    if (!id) return;
    const row = this.c.host.renderRoot.querySelector<HTMLElement>(`[data-kk-bo-row="${CSS.escape(id)}"]`);
    // While the list is read again the row may not be there yet; the focus waits for it.
    if (!row) return;
    this.focusRow = undefined;
    row.focus();
  }

  /** Called on each render of the list: back from an application, the focus goes to its row. */
  shown(): void {
    if (this.returnTo === undefined) return;
    this.focusRow = this.returnTo;
    this.returnTo = undefined;
  }

  openApplication(id: string): void {
    this.returnTo = id;
    this.c.openApplication(id);
  }

  openPlacement(id: string): void {
    this.returnTo = id;
    this.c.openPlacement(id);
  }
}

const key = {};
const overviewOf = (c: BarnomsorgController): Overview => c.stateOf(key, () => new Overview(c));

function applicationItem(o: Overview, application: Application, today: string, lang: string): OverviewItem {
  const next = applicationNext(application, today, lang);
  return {
    id: application.id,
    title: placeTitle(application.type, application.child),
    secondary: msg(str`Skickad ${formatDate(application.createdAt, lang)} · ${application.reference}`),
    status: applicationStatusLabel(application.status),
    next: next.text,
    action: next.action,
    onOpen: () => o.openApplication(application.id),
  };
}

function placementItem(o: Overview, placement: Placement, today: string, lang: string): OverviewItem {
  return {
    id: placement.id,
    title: msg(str`${typeLabel(placement.type)} för ${placement.child.givenName} ${placement.child.familyName}`),
    secondary: placement.unitName,
    status: placementStatusLabel(placement.status),
    next: placementNext(placement, today, lang),
    action: false,
    onOpen: () => o.openPlacement(placement.id),
  };
}

export function overviewView(c: BarnomsorgController, context: ViewContext): OverviewView {
  const o = overviewOf(c);
  o.shown();
  const task = c.overview;
  const lang = getLocale();
  const today = swedishDate(new Date());
  // While the list is read again after an application, the last one stays on the page.
  const found = task.value;
  const draft = c.draftSummary;
  return {
    headingLevel: context.headingLevel,
    page: 'overview',
    overview:
      found && task.status !== TaskStatus.ERROR
        ? {
            state: 'ready',
            value: {
              applications: found.applications.map((application) => applicationItem(o, application, today, lang)),
              placements: found.placements.map((placement) => placementItem(o, placement, today, lang)),
            },
          }
        : task.status === TaskStatus.ERROR
          ? { state: 'error', retry: () => void task.run() }
          : { state: 'loading' },
    draft: draft
      ? {
          text:
            draft.childName && draft.type
              ? msg(str`Du har en ansökan som inte är skickad: ${typeLabel(draft.type)} för ${draft.childName}.`)
              : msg('Du har en ansökan som inte är skickad.'),
          onResume: () => c.resumeDraft(),
        }
      : undefined,
    onApply: () => c.startApplication(),
  };
}

/** The page of "Mina ansökningar och placeringar". */
export const render = (c: BarnomsorgController, context: ViewContext): TemplateResult => overviewPage(overviewView(c, context));

/** The rows' styles (ui's list/detail) and the overview's own. */
export const styles = [listDetailStyles, overviewStyles];
