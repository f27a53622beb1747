import type { Application, BarnomsorgSettings, Placement } from '@kommunkit/contract';
import { isDate, maxFreeTextLength, maxShortTextLength, noticeEndDate, swedishDate, withdrawableStatuses } from '@kommunkit/contract/barnomsorg-rules';
import { ApiError, type KommunkitClient, type User } from '@kommunkit/sdk';
import { answerOffer, confirmApplication, getApplication, getBarnomsorgOverview, givePlacementNotice, sendApplicationMessage, withdrawApplication } from '@kommunkit/sdk/barnomsorg-mine';
import { characterLength, formatDate, formatDateTime, formatNumber, FormController, getLocale, msg, plural, statusHistoryStyles, str } from '@kommunkit/ui';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveController, TemplateResult } from 'lit';
import type { BarnomsorgController } from '../controller.js';
import { applicationNext, applicationStatusLabel, offerExpired, placementNext, placementStatusLabel, placeTitle, reasonLabel, typeLabel } from '../overview/labels.js';
import { overviewStyles } from '../overview/overview.styles.js';
import { applicationPage, placementPage } from '../pages/application.js';
import type { ApplicationDetail, ApplicationView, ConfirmState, NoticeState, OfferState, PlacementDetail, PlacementView, WithdrawState } from '../pages/types.js';
import type { ViewContext } from '../views.js';

/*
 * One application or placement of "Mina ansökningar och placeringar", a chunk of its own: read
 * fresh from the gateway (a 404 says it is not there or not the guardian's), with what a
 * guardian does after sending: answer an offer (a confirm step, the reply-by day kept), withdraw
 * before an offer, the other guardian's confirmation, messages, and a placement's notice with
 * the last day computed by the contract's rule before it is sent.
 */

type Answer = 'accepterad' | 'avbojd';
type OfferUi = { state: 'confirm'; answer: Answer; busy: boolean; error: string | undefined } | { state: 'refused'; message: string };
type WithdrawUi = { state: 'confirm'; busy: boolean; error: string | undefined } | { state: 'withdrawn' } | { state: 'refused'; message: string };
type NoticeUi = { state: 'form'; busy: boolean; error: string | undefined } | { state: 'given' } | { state: 'refused'; message: string };

const ids = { message: 'kk-bo-thread-message', wishedEndDate: 'kk-bo-notice-end', reason: 'kk-bo-notice-reason' } as const;
/** Why a write did not go through, when it was neither refused (409) nor a field's error. */
const unreachable = (error?: unknown) =>
  error instanceof ApiError && error.status === 404
    ? msg('Vi hittade inte uppgiften längre. Gå tillbaka till Mina ansökningar och placeringar och försök igen.')
    : msg('Det gick inte att skicka just nu. Kontrollera din internetanslutning och försök igen.');

class Detail implements ReactiveController {
  readonly application: Task<[KommunkitClient | undefined, User | null | undefined, string | undefined], Application>;
  /** A placement has no read of its own: it is found in the overview, read fresh. */
  readonly placement: Task<[KommunkitClient | undefined, User | null | undefined, string | undefined], Placement | null>;
  /** What a write here answered, over what was read. */
  changed: Application | undefined;
  changedPlacement: Placement | undefined;
  offer: OfferUi | undefined;
  withdraw: WithdrawUi | undefined;
  confirm = { busy: false, error: undefined as string | undefined, done: false };
  notice: NoticeUi | undefined;
  readonly message: FormController<{ message: string }>;
  messageBusy = false;
  messageError: string | undefined;
  readonly noticeForm: FormController<{ wishedEndDate: string; reason: string }>;
  announcement = '';
  /** The application or placement the state above belongs to. */
  private forId: string | undefined;
  private focus: string | undefined;

  constructor(private readonly c: BarnomsorgController) {
    const opened = (kind: 'application' | 'placement') => (c.opened?.kind === kind ? c.opened.id : undefined);
    this.application = new Task(c.host, {
      task: async ([client, user, id], { signal }) => (client && user && id ? getApplication(client, id, { signal }) : initialState),
      args: () => [c.options.client(), c.auth.user, opened('application')],
    });
    this.placement = new Task(c.host, {
      task: async ([client, user, id], { signal }) => {
        if (!client || !user || !id) return initialState;
        const overview = await getBarnomsorgOverview(client, { signal });
        return overview.placements.find((placement) => placement.id === id) ?? null;
      },
      args: () => [c.options.client(), c.auth.user, opened('placement')],
    });
    this.message = new FormController(c.host, {
      initial: { message: '' },
      rules: {
        message: {
          required: () => msg('Skriv ditt meddelande'),
          validate: (value) => (characterLength(value) > maxFreeTextLength ? msg(str`Meddelandet får vara högst ${formatNumber(maxFreeTextLength, getLocale())} tecken`) : undefined),
        },
      },
      idFor: (name) => ids[name],
    });
    this.noticeForm = new FormController(c.host, {
      initial: { wishedEndDate: '', reason: '' },
      rules: {
        wishedEndDate: { validate: (value) => (isDate(value) ? undefined : msg('Ange ett datum som finns, till exempel 2027-03-31')) },
        reason: { validate: (value) => (characterLength(value) > maxShortTextLength ? msg(str`Skriv högst ${formatNumber(maxShortTextLength, getLocale())} tecken`) : undefined) },
      },
      idFor: (name) => ids[name],
    });
    c.host.addController(this);    // Made while the element renders, when a task's first look at its arguments has passed: the next update starts it.
    void Promise.resolve().then(() => c.host.requestUpdate());
  }

  hostUpdated(): void {
    const selector = this.focus;
    if (!selector) return;
    this.focus = undefined;
    this.c.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** A new application or placement opened: nothing of the last one's stays. */
  follow(id: string): void {
    if (id === this.forId) return;
    this.forId = id;
    this.changed = undefined;
    this.changedPlacement = undefined;
    this.offer = undefined;
    this.withdraw = undefined;
    this.confirm = { busy: false, error: undefined, done: false };
    this.notice = undefined;
    this.messageBusy = false;
    this.messageError = undefined;
    // Set in place: this runs while the page renders, and a requestUpdate there would ask for another.
    this.message.values = { message: '' };
    this.message.errors = {};
    this.noticeForm.values = { wishedEndDate: '', reason: '' };
    this.noticeForm.errors = {};
    this.announcement = '';
  }

  private update(focus?: string): void {
    if (focus) this.focus = focus;
    this.c.host.requestUpdate();
  }

  /** Says `text` in the polite live region, again even when it was the last thing said. */
  private async announce(text: string): Promise<void> {
    this.announcement = '';
    this.update();
    await this.c.host.updateComplete;
    this.announcement = text;
    this.update();
  }

  /** A 401 ends the session (the element's login gate says so); true when that was it. */
  private sessionGone(error: unknown): boolean {
    if (error instanceof ApiError && error.status === 401) {
      this.c.auth.sessionEnded();
      return true;
    }
    return false;
  }

  ask(answer: Answer): void {
    this.offer = { state: 'confirm', answer, busy: false, error: undefined };
    this.update('[data-kk-bo-offer] [data-kk-focus-target]');
  }

  cancelAnswer(): void {
    this.offer = undefined;
    this.update('[data-kk-bo-offer] button');
  }

  async answer(application: Application): Promise<void> {
    const client = this.c.options.client();
    const ui = this.offer;
    if (!client || ui?.state !== 'confirm' || ui.busy) return;
    this.offer = { ...ui, busy: true, error: undefined };
    this.update();
    try {
      this.changed = await answerOffer(client, application.id, ui.answer);
      this.offer = undefined;
      this.update('[data-kk-bo-offer] [data-kk-focus-target]');
      this.c.options.onOfferAnswered({ applicationId: application.id, answer: ui.answer });
      void this.announce(ui.answer === 'accepterad' ? msg('Du har tackat ja till platsen') : msg('Du har tackat nej till platsen'));
    } catch (error) {
      if (this.sessionGone(error)) return;
      if (error instanceof ApiError && error.status === 409) {
        this.offer = { state: 'refused', message: error.detail ?? msg('Erbjudandet går inte längre att svara på.') };
        this.update('[data-kk-bo-offer] [data-kk-focus-target]');
        return;
      }
      this.offer = { ...ui, busy: false, error: unreachable(error) };
      this.update();
    }
  }

  askWithdraw(): void {
    this.withdraw = { state: 'confirm', busy: false, error: undefined };
    this.update('[data-kk-bo-withdraw] [data-kk-focus-target]');
  }

  keep(): void {
    this.withdraw = undefined;
    this.update('[data-kk-bo-withdraw] button');
  }

  async confirmWithdraw(application: Application): Promise<void> {
    const client = this.c.options.client();
    const ui = this.withdraw;
    if (!client || ui?.state !== 'confirm' || ui.busy) return;
    this.withdraw = { ...ui, busy: true, error: undefined };
    this.update();
    try {
      this.changed = await withdrawApplication(client, application.id);
      this.withdraw = { state: 'withdrawn' };
      this.update('[data-kk-bo-withdraw] [data-kk-focus-target]');
      void this.announce(msg('Ansökan är återkallad'));
    } catch (error) {
      if (this.sessionGone(error)) return;
      if (error instanceof ApiError && error.status === 409) {
        this.withdraw = { state: 'refused', message: error.detail ?? msg('Ansökan går inte längre att återkalla.') };
        this.update('[data-kk-bo-withdraw] [data-kk-focus-target]');
        return;
      }
      this.withdraw = { ...ui, busy: false, error: unreachable(error) };
      this.update();
    }
  }

  async confirmApplication(application: Application): Promise<void> {
    const client = this.c.options.client();
    if (!client || this.confirm.busy) return;
    this.confirm = { busy: true, error: undefined, done: false };
    this.update();
    try {
      this.changed = await confirmApplication(client, application.id);
      this.confirm = { busy: false, error: undefined, done: true };
      this.update('[data-kk-bo-confirm] [data-kk-focus-target]');
      void this.announce(msg('Du har bekräftat ansökan'));
    } catch (error) {
      if (this.sessionGone(error)) return;
      const message = error instanceof ApiError && error.status === 409 ? (error.detail ?? msg('Ansökan behöver inte bekräftas längre.')) : unreachable(error);
      this.confirm = { busy: false, error: message, done: false };
      this.update();
    }
  }

  async send(application: Application): Promise<void> {
    const client = this.c.options.client();
    if (!client || this.messageBusy) return;
    this.messageError = undefined;
    if (!this.message.submit()) return;
    this.messageBusy = true;
    this.update();
    try {
      this.changed = await sendApplicationMessage(client, application.id, this.message.values.message.trim());
      this.message.setAll({ message: '' });
      void this.announce(msg('Meddelandet är skickat'));
    } catch (error) {
      if (this.sessionGone(error)) return;
      const refused = error instanceof ApiError ? error.fieldError('text') : undefined;
      if (refused) this.message.setErrors({ message: refused });
      else this.messageError = unreachable(error);
    } finally {
      this.messageBusy = false;
      this.update();
    }
  }

  startNotice(): void {
    this.notice = { state: 'form', busy: false, error: undefined };
    this.update('[data-kk-bo-notice] [data-kk-focus-target]');
  }

  cancelNotice(): void {
    this.notice = undefined;
    this.noticeForm.setAll({ wishedEndDate: '', reason: '' });
    this.noticeForm.setErrors({}, false);
    this.update('[data-kk-bo-notice] button');
  }

  async sendNotice(placement: Placement): Promise<void> {
    const client = this.c.options.client();
    const ui = this.notice;
    if (!client || ui?.state !== 'form' || ui.busy || !this.noticeForm.submit()) return;
    const { wishedEndDate, reason } = this.noticeForm.values;
    this.notice = { state: 'form', busy: true, error: undefined };
    this.update();
    try {
      this.changedPlacement = await givePlacementNotice(client, placement.id, {
        ...(wishedEndDate ? { wishedEndDate } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      this.notice = { state: 'given' };
      this.update('[data-kk-bo-notice] [data-kk-focus-target]');
      void this.announce(msg('Platsen är uppsagd'));
    } catch (error) {
      if (this.sessionGone(error)) return;
      if (error instanceof ApiError && error.status === 409) {
        this.notice = { state: 'refused', message: error.detail ?? msg('Platsen går inte att säga upp.') };
        this.update('[data-kk-bo-notice] [data-kk-focus-target]');
        return;
      }
      const fields = error instanceof ApiError ? { wishedEndDate: error.fieldError('wishedEndDate'), reason: error.fieldError('reason') } : {};
      const shown = Object.fromEntries(Object.entries(fields).filter(([, text]) => text !== undefined)) as Partial<Record<'wishedEndDate' | 'reason', string>>;
      this.notice = { state: 'form', busy: false, error: Object.keys(shown).length > 0 ? undefined : unreachable(error) };
      if (Object.keys(shown).length > 0) this.noticeForm.setErrors(shown);
      this.update();
    }
  }
}

const key = {};
const detailOf = (c: BarnomsorgController): Detail => c.stateOf(key, () => new Detail(c));

const notFound = (error: unknown): boolean => error instanceof ApiError && error.status === 404;
const contactOf = (c: BarnomsorgController): string => c.kommun.info?.name ?? msg('kommunen');
/** The gateway's today (the kommun's settings) when read, else the browser's, in Sweden. */
const todayOf = (settings: BarnomsorgSettings | undefined): string => settings?.today ?? swedishDate(new Date());

function offerState(d: Detail, c: BarnomsorgController, application: Application, today: string, lang: string): OfferState {
  const offer = application.offer;
  const ui = d.offer;
  if (!offer) return { state: 'none' };
  if (ui?.state === 'refused') return { state: 'refused', message: ui.message, contact: contactOf(c) };
  const unitName = offer.unitName;
  const startDate = formatDate(offer.startDate, lang);
  if (offer.answer !== null) {
    const placementId = application.placementId;
    return {
      state: 'answered',
      answer: offer.answer,
      unitName,
      startDate,
      answeredAt: offer.answeredAt ? formatDateTime(offer.answeredAt, lang) : undefined,
      onPlacement: placementId ? () => c.openPlacement(placementId) : undefined,
    };
  }
  if (application.status !== 'erbjudande') return { state: 'none' };
  if (offerExpired(application, today)) return { state: 'expired', unitName, replyBy: formatDate(offer.replyBy, lang), contact: contactOf(c) };
  if (ui?.state === 'confirm')
    return {
      state: 'confirm',
      answer: ui.answer,
      unitName,
      startDate,
      busy: ui.busy,
      error: ui.error,
      onConfirm: () => void d.answer(application),
      onCancel: () => d.cancelAnswer(),
    };
  return { state: 'open', unitName, startDate, replyBy: formatDate(offer.replyBy, lang), onAnswer: (answer) => d.ask(answer) };
}

function withdrawState(d: Detail, application: Application): WithdrawState {
  const ui = d.withdraw;
  if (ui?.state === 'withdrawn' || ui?.state === 'refused') return ui;
  if (!withdrawableStatuses.includes(application.status)) return { state: 'none' };
  if (ui?.state === 'confirm') return { state: 'confirm', busy: ui.busy, error: ui.error, onConfirm: () => void d.confirmWithdraw(application), onKeep: () => d.keep() };
  return { state: 'open', onAsk: () => d.askWithdraw() };
}

function confirmState(d: Detail, application: Application): ConfirmState {
  if (d.confirm.done) return { state: 'confirmed' };
  if (application.otherGuardianConfirmation !== 'vantar' || application.sentByMe) return { state: 'none' };
  const child = `${application.child.givenName} ${application.child.familyName}`;
  return { state: 'open', sentBy: application.sentBy.name, child, busy: d.confirm.busy, error: d.confirm.error, onConfirm: () => void d.confirmApplication(application) };
}

function applicationDetail(d: Detail, c: BarnomsorgController, application: Application, today: string): ApplicationDetail {
  const lang = getLocale();
  const { child, schedule } = application;
  const sibling = application.siblingUnitId ? application.units.find((unit) => unit.id === application.siblingUnitId)?.name : undefined;
  const optional = (key: string, value: string | undefined) => (value ? [{ key, value }] : []);
  return {
    title: placeTitle(application.type, child),
    status: applicationStatusLabel(application.status),
    next: applicationNext(application, today, lang).text,
    facts: [
      { key: msg('Typ av plats'), value: typeLabel(application.type) },
      { key: msg('Barn'), value: msg(str`${child.givenName} ${child.familyName}, född ${formatDate(child.birthDate, lang)}`) },
      { key: msg('Önskat startdatum'), value: formatDate(application.desiredStartDate, lang) },
      // Skollagen 8 kap. 14 §: the four months hold for förskola.
      ...(application.type === 'forskola' ? [{ key: msg('Plats senast (platsgaranti)'), value: formatDate(application.guaranteeDate, lang) }] : []),
      { key: msg('Referensnummer'), value: application.reference },
      { key: msg('Skickad'), value: application.sentByMe ? formatDateTime(application.createdAt, lang) : msg(str`${formatDateTime(application.createdAt, lang)} av ${application.sentBy.name}`) },
      { key: msg('Omsorgsbehov'), value: msg(str`${schedule.hoursPerWeek} timmar i veckan, lämning ${schedule.dropOff}, hämtning ${schedule.pickUp}`) },
      { key: msg('Skäl'), value: reasonLabel(application.reason) },
      ...optional(msg('Syskon på'), sibling),
      ...optional(msg('Särskilda behov'), application.specialNeeds),
      ...optional(msg('Kost'), application.diet),
      ...optional(msg('Modersmål'), application.motherTongue),
      ...optional(msg('Meddelande i ansökan'), application.message),
    ],
    units: application.units.map((unit) => unit.name),
    sentByOther: application.sentByMe ? undefined : msg(str`Ansökan skickades av ${application.sentBy.name}, barnets andra vårdnadshavare.`),
    history: application.history.map((change) => ({ ...applicationStatusLabel(change.status), at: change.at, ...(change.note ? { note: change.note } : {}) })),
    offer: offerState(d, c, application, today, lang),
    withdraw: withdrawState(d, application),
    confirm: confirmState(d, application),
    messages: {
      items: application.messages.map((message) => ({ id: message.id, fromKommun: message.from === 'kommun', author: message.author, text: message.text, at: formatDateTime(message.at, lang) })),
      field: { ...d.message.bind('message'), max: maxFreeTextLength },
      errors: d.message.summary(),
      busy: d.messageBusy,
      error: d.messageError,
      onSend: () => void d.send(application),
    },
  };
}

export function applicationView(c: BarnomsorgController, context: ViewContext, id: string): ApplicationView {
  const d = detailOf(c);
  d.follow(id);
  const task = d.application;
  const read = task.status === TaskStatus.COMPLETE ? task.value : undefined;
  const application = d.changed ?? read;
  return {
    headingLevel: context.headingLevel,
    page: 'application',
    onBack: () => c.closeOpened(),
    application: application
      ? { state: 'ready', value: applicationDetail(d, c, application, todayOf(c.settings.value)) }
      : task.status === TaskStatus.ERROR
        ? notFound(task.error)
          ? { state: 'missing' }
          : { state: 'error', retry: () => void task.run() }
        : { state: 'loading' },
    announcement: d.announcement,
  };
}

function noticeState(d: Detail, c: BarnomsorgController, placement: Placement, settings: BarnomsorgSettings, lang: string): NoticeState {
  const ui = d.notice;
  if (ui?.state === 'given') return { state: 'given', lastDay: placement.endDate ? formatDate(placement.endDate, lang) : '' };
  if (ui?.state === 'refused') return { state: 'refused', message: ui.message, contact: contactOf(c) };
  if (placement.status !== 'aktiv') return { state: 'none', text: placementNext(placement, settings.today, lang) };
  if (ui?.state !== 'form') return { state: 'closed', onStart: () => d.startNotice() };
  const months = settings.noticeMonths;
  const wished = d.noticeForm.values.wishedEndDate;
  const policy = { noticeMonths: months };
  const earliest = noticeEndDate(settings.today, undefined, policy);
  const wishedValid = isDate(wished) ? wished : undefined;
  const n = formatNumber(months, lang);
  return {
    state: 'form',
    wishedEndDate: { ...d.noticeForm.bind('wishedEndDate'), min: settings.today },
    reason: { ...d.noticeForm.bind('reason'), max: maxShortTextLength },
    lastDay: formatDate(noticeEndDate(settings.today, wishedValid, policy), lang),
    period:
      months === 0
        ? msg('Platsen kan sägas upp utan uppsägningstid.')
        : plural(months, { one: msg(str`Uppsägningstiden är ${n} månad. Platsen kan sluta tidigast ${formatDate(earliest, lang)}.`), other: msg(str`Uppsägningstiden är ${n} månader. Platsen kan sluta tidigast ${formatDate(earliest, lang)}.`) }, lang),
    wishedTooEarly: wishedValid !== undefined && wishedValid < earliest,
    errors: d.noticeForm.summary(),
    busy: ui.busy,
    error: ui.error,
    onSend: () => void d.sendNotice(placement),
    onCancel: () => d.cancelNotice(),
  };
}

function placementDetail(d: Detail, c: BarnomsorgController, placement: Placement, settings: BarnomsorgSettings): PlacementDetail {
  const lang = getLocale();
  return {
    title: placeTitle(placement.type, placement.child),
    status: placementStatusLabel(placement.status),
    facts: [
      { key: msg('Barn'), value: `${placement.child.givenName} ${placement.child.familyName}` },
      { key: msg('Typ av plats'), value: typeLabel(placement.type) },
      { key: msg('Enhet'), value: placement.unitName },
      { key: msg('Startdatum'), value: formatDate(placement.startDate, lang) },
      ...(placement.endDate ? [{ key: msg('Sista dag'), value: formatDate(placement.endDate, lang) }] : []),
      ...(placement.noticeGivenAt ? [{ key: msg('Uppsagd'), value: formatDateTime(placement.noticeGivenAt, lang) }] : []),
    ],
    notice: noticeState(d, c, placement, settings, lang),
  };
}

export function placementView(c: BarnomsorgController, context: ViewContext, id: string): PlacementView {
  const d = detailOf(c);
  d.follow(id);
  const task = d.placement;
  const settings = c.settings;
  const read = task.status === TaskStatus.COMPLETE ? task.value : undefined;
  const placement = d.changedPlacement ?? read;
  const failed = task.status === TaskStatus.ERROR ? task : settings.status === TaskStatus.ERROR ? settings : undefined;
  return {
    headingLevel: context.headingLevel,
    page: 'placement',
    onBack: () => c.closeOpened(),
    placement:
      placement === null
        ? { state: 'missing' }
        : failed
          ? { state: 'error', retry: () => void failed.run() }
          : placement && settings.value
            ? { state: 'ready', value: placementDetail(d, c, placement, settings.value) }
            : { state: 'loading' },
    announcement: d.announcement,
  };
}

/** The open application's or placement's page; undefined when nothing is open. */
export function render(c: BarnomsorgController, context: ViewContext): TemplateResult | undefined {
  const opened = c.opened;
  if (!opened) return undefined;
  return opened.kind === 'application' ? applicationPage(applicationView(c, context, opened.id)) : placementPage(placementView(c, context, opened.id));
}

/** The status history's styles and the overview's own (shared with the list). */
export const styles = [statusHistoryStyles, overviewStyles];
