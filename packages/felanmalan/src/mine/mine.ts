import { loadable, msg } from '@kommunkit/ui';
import { initialState, Task } from '@lit/task';
import type { MyReport } from '@kommunkit/contract';
import type { KommunkitClient, User } from '@kommunkit/sdk';
import { myReports } from '@kommunkit/sdk/felanmalan-citizen';
import { AuthController, formatDate, formatDateTime, getLocale, ListDetailController, listDetailStyles, statusHistoryStyles, type LoginReturn } from '@kommunkit/ui';
import type { TemplateResult } from 'lit';
import type { FelanmalanController } from '../controller.js';
import { editView, tokenFor } from '../edit/edit.js';
import { minePage } from '../pages/mine.js';
import type { MineView, MyReportItem } from '../pages/types.js';
import { readSent, writeSent } from '../sent.js';
import { statusLabel } from '../status.js';
import type { ViewContext } from '../views.js';

/*
 * "Mina anmälningar", a feature of its own chunk: the login gate, then the reports the citizen
 * filed while logged in (the citizen API, `GET …/felanmalan/reports/mine`), each opening in
 * place with its details, history and, for a while, its edit or withdrawal.
 */

/** The login gate's login, which first notes that the widget is to come back to this view. */
class MineAuth extends AuthController {
  constructor(private readonly c: FelanmalanController) {
    super(c.host, { client: () => c.options.client() });
  }

  override login(returnTo: LoginReturn = {}): void {
    const client = this.c.options.client();
    if (client) writeSent(client, { ...readSent(client), view: 'mina' });
    super.login(returnTo);
  }
}

class Mine {
  readonly auth: MineAuth;
  readonly list: ListDetailController;
  readonly reports: Task<[KommunkitClient | undefined, User | null | undefined], MyReport[]>;
  /** Reports as an edit or withdrawal here left them, over the list as loaded. */
  readonly changed = new Map<string, MyReport>();
  loggingOut = false;
  logoutError: string | undefined;

  constructor(private readonly c: FelanmalanController) {
    this.auth = new MineAuth(c);
    this.list = new ListDetailController(c.host);
    this.reports = new Task(c.host, {
      task: async ([client, user], { signal }) => {
        if (!client || !user) return initialState;
        const items = await myReports(client, { signal });
        this.changed.clear();
        // Newest first, whatever order they come in.
        return [...items].sort((a, b) => Date.parse(b.requestedAt) - Date.parse(a.requestedAt));
      },
      args: () => [c.options.client(), this.auth.user],
    });
  }

  /** Logs out here: the contact details leave the draft first, on the server too, while the session still allows it. */
  async logout(): Promise<void> {
    if (this.loggingOut) return;
    this.loggingOut = true;
    this.logoutError = undefined;
    this.c.host.requestUpdate();
    try {
      await this.c.forgetContact();
      await this.c.draft.flush();
      await this.auth.logout();
      await this.c.host.updateComplete;
      this.c.host.renderRoot.querySelector<HTMLElement>('[data-kk-focus-target]')?.focus();
    } catch {
      this.logoutError = msg('Det gick inte att logga ut just nu. Kontrollera din internetanslutning och försök igen.');
    } finally {
      this.loggingOut = false;
      this.c.host.requestUpdate();
    }
  }
}

const mineOf = (c: FelanmalanController): Mine => c.stateOf(Mine, () => new Mine(c));

function item(c: FelanmalanController, mine: Mine, report: MyReport, open: boolean, level: MineView['headingLevel']): MyReportItem {
  const lang = getLocale();
  const place = report.address ?? msg('Platsen är vald på kartan');
  const client = c.options.client();
  const until = report.editableUntil;
  return {
    id: report.reference,
    title: report.serviceName,
    secondary: [place, formatDate(report.requestedAt, lang), report.reference].join(' · '),
    status: statusLabel(report.status),
    rows: [
      { key: msg('Ärendenummer'), value: report.reference },
      { key: msg('Plats'), value: place },
      { key: msg('Anmält'), value: formatDateTime(report.requestedAt, lang) },
    ],
    description: report.description,
    history: report.history.map((change) => ({ ...statusLabel(change.status), at: change.at, ...(change.note ? { note: change.note } : {}) })),
    edit: open
      ? editView(
          c,
          level,
          {
            reference: report.reference,
            description: report.description,
            grant: until ? { until, token: client ? tokenFor(client, report.reference)?.token : undefined } : undefined,
          },
          (changed) => {
            mine.changed.set(changed.reference, changed);
            c.host.requestUpdate();
          },
        )
      : undefined,
  };
}

export function mineView(c: FelanmalanController, context: ViewContext): MineView {
  const mine = mineOf(c);
  const user = mine.auth.user;
  return {
    headingLevel: context.headingLevel,
    page: 'mine',
    auth: mine.auth,
    list: mine.list,
    reports: loadable(mine.reports, (reports) =>
      reports.map((report) => item(c, mine, mine.changed.get(report.reference) ?? report, report.reference === mine.list.selected, context.headingLevel)),
    ),
    user: user ? { name: user.name, busy: mine.loggingOut, error: mine.logoutError, onLogout: () => void mine.logout() } : undefined,
    onNewReport: () => {
      if (c.submitted) c.startOver();
      else c.showView('anmal');
    },
    onFollow: () => c.showView('folj'),
  };
}

/** The page of "Mina anmälningar". */
export const render = (c: FelanmalanController, context: ViewContext): TemplateResult => minePage(mineView(c, context));

/** Styles the list, its details and their history need beyond the element's own. */
export const styles = [listDetailStyles, statusHistoryStyles];
