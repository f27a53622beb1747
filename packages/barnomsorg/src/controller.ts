import { msg, str } from '@kommunkit/ui';
import { ApiError, NetworkError, type KommunkitClient } from '@kommunkit/sdk';
import { idempotencyKey, type Application, type Child, type PlacementType, type Unit } from '@kommunkit/sdk/barnomsorg';
import type { PlacementReason } from '@kommunkit/contract/barnomsorg-rules';
import { AuthController, DraftController, FlowController, FormController, formatDate, getLocale, ReaderKey, type KommunController, type RestoredDraft } from '@kommunkit/ui';
import type { ReactiveController, ReactiveElement } from 'lit';
import { answersVersion, emptyAnswers, fromDraft, toRequest, type Answers } from './answers.js';
import { childrenTask, overviewTask, sendApplication, settingsTask, unitsTask } from './data.js';
import type { ApplicationSubmittedDetail, OfferAnsweredDetail } from './events.js';
import { flow } from './flow.js';
import { fieldIdOf } from './pages/ids.js';
import { childRules, eligibleTypes, feeRules, otherRules, scheduleRules, siblingRules, startRules, typeRules, unitsRules, type RuleContext } from './rules.js';
import type { FlowContext, Step, View } from './types.js';

/** Id of a form field in the shadow root. */
export const fieldId = fieldIdOf;

export interface BarnomsorgControllerOptions {
  client(): KommunkitClient | undefined;
  /** The kommun's info, the element's own `kommunInfo`. */
  kommun: KommunController;
  /** An application has been sent (the element fires `kk-application-submitted`). */
  onSubmitted(detail: ApplicationSubmittedDetail): void;
  /** An offer has been answered (the element fires `kk-offer-answered`). */
  onOfferAnswered(detail: OfferAnsweredDetail): void;
  /** The guardian switched views (the element reflects `view`). */
  onViewChange(view: View): void;
}

/** Why the last send did not go through, as the check page says it. */
export interface SubmitProblem {
  /** `aktiv`: the child already has an active application of the type (409), explained with the way to the overview. */
  kind: 'aktiv' | 'fel';
  text: string;
}

/**
 * Everything barnomsorg does, without the element: the login state, the view, the application
 * form's pages, flow, draft, busy and error state, and the actions the pages call. The lazy
 * features (the later pages, the overview, one application) keep their own state through
 * `stateOf`. Nothing here imports the element.
 */
export class BarnomsorgController implements ReactiveController {
  /** Longest wait for a send, the SDK's retries included, before it is stopped and the guardian is told. Tests shorten it. */
  static sendTimeoutMs = 20_000;

  readonly kommun: KommunController;
  /** The whole widget is behind the login gate. */
  readonly auth: AuthController;
  readonly flow: FlowController<Step, Answers, FlowContext>;
  readonly draft: DraftController<Answers>;
  readonly childForm: FormController<{ childId: string }>;
  readonly typeForm: FormController<{ type: PlacementType | '' }>;
  readonly startForm: FormController<{ desiredStartDate: string }>;
  readonly unitsForm: FormController<{ units: string[] }>;
  readonly siblingForm: FormController<{ hasSibling: Answers['hasSibling']; siblingUnitId: string }>;
  readonly scheduleForm: FormController<{ hoursPerWeek: string; dropOff: string; pickUp: string; reason: PlacementReason | '' }>;
  readonly otherForm: FormController<{ specialNeeds: string; diet: string; motherTongue: string; message: string }>;
  /** The fee estimate's household income and sibling order: never in the draft, never sent. */
  readonly feeForm: FormController<{ income: string; siblingOrder: string }>;
  readonly settings;
  readonly children;
  readonly units;
  /**
   * "Mina ansökningar och placeringar", read here rather than in the overview's chunk, so that
   * the request starts with the others while that chunk is on its way.
   */
  readonly overview;

  view: View = 'oversikt';
  /** The application or placement the overview has open (view `oversikt`), by id. */
  opened: { kind: 'application' | 'placement'; id: string } | undefined = undefined;
  /** Bumped when the guardian goes back to the list, so the overview reads it again. */
  overviewRevision = 0;
  busy = false;
  submitProblem: SubmitProblem | undefined;
  /** The application just sent, for the confirmation. */
  submitted: Application | undefined;
  /** The units page's search words and area (not answers: not kept in the draft). */
  unitQuery = '';
  unitArea = '';
  /** What the units page's live region says after a choice is added, moved or removed. */
  announcement = '';

  private focusHeading = false;
  /** A control to focus after the next render (the moved unit's button), by id. */
  private focusId: string | undefined;
  private readonly featureState = new Map<object, unknown>();
  /** The key of the last send that did not succeed, with exactly what it sent: the same again reuses it, so an application that arrived (its answer lost) is not sent twice. */
  private lastSend: { key: string; fingerprint: string } | undefined;
  private returnHandled = false;
  /** Whose overview is read (see `overviewReader()`). */
  private readonly reader = new ReaderKey();

  constructor(
    /** The element, for the lazy features' own controllers. */
    readonly host: ReactiveElement,
    readonly options: BarnomsorgControllerOptions,
  ) {
    this.kommun = options.kommun;
    this.auth = new AuthController(host, { client: options.client, onLogout: () => this.forget() });
    const persist = () => this.persist();
    // The flow first: after a failed submit the forms' error summary must win the focus.
    this.flow = new FlowController(host, { flow, answers: () => this.answers, context: () => ({}), onChange: persist });
    const rules: RuleContext = {
      birthDate: () => this.child?.birthDate,
      type: () => this.typeForm.values.type,
      today: () => this.settings.value?.today,
      maxRankedUnits: () => this.maxRankedUnits,
      dateText: (date) => formatDate(date, getLocale()),
    };
    this.childForm = new FormController(host, { initial: { childId: '' }, idFor: () => fieldId('childId-0'), rules: childRules, onChange: persist });
    this.typeForm = new FormController<{ type: PlacementType | '' }>(host, { initial: { type: '' }, idFor: () => fieldId('type-0'), rules: typeRules, onChange: persist });
    this.startForm = new FormController(host, { initial: { desiredStartDate: '' }, idFor: fieldId, rules: startRules(rules), onChange: persist });
    this.unitsForm = new FormController<{ units: string[] }>(host, { initial: { units: [] }, idFor: fieldId, rules: unitsRules(rules), onChange: persist });
    this.siblingForm = new FormController<{ hasSibling: Answers['hasSibling']; siblingUnitId: string }>(host, {
      initial: { hasSibling: '', siblingUnitId: '' },
      idFor: (name) => fieldId(name === 'hasSibling' ? 'hasSibling-0' : name),
      rules: siblingRules(() => this.siblingForm.values.hasSibling),
      onChange: persist,
    });
    this.scheduleForm = new FormController<{ hoursPerWeek: string; dropOff: string; pickUp: string; reason: PlacementReason | '' }>(host, {
      initial: { hoursPerWeek: '', dropOff: '', pickUp: '', reason: '' },
      idFor: (name) => fieldId(name === 'reason' ? 'reason-0' : name),
      rules: scheduleRules(() => this.scheduleForm.values.dropOff),
      onChange: persist,
    });
    this.otherForm = new FormController(host, { initial: { specialNeeds: '', diet: '', motherTongue: '', message: '' }, idFor: fieldId, rules: otherRules, onChange: persist });
    this.feeForm = new FormController(host, { initial: { income: '', siblingOrder: '1' }, idFor: (name) => fieldId(name === 'siblingOrder' ? 'siblingOrder-0' : name), rules: feeRules });
    this.draft = new DraftController<Answers>(host, {
      service: 'barnomsorg',
      version: answersVersion,
      defaults: emptyAnswers,
      parse: fromDraft,
      client: options.client,
      onRestore: (draft) => this.restore(draft),
      // Behind the login gate: asked for beside auth/me.
      eager: true,
    });
    // Asked for at once, beside auth/me, not after it: the session cookie says whose they are, and
    // without one the gateway answers 401, which the login state learns from.
    const signedIn = () => this.auth.user !== null;
    this.settings = settingsTask(host, options.client, signedIn);
    this.children = childrenTask(host, options.client, signedIn);
    this.units = unitsTask(host, options.client, () => this.typeForm.values.type);
    this.overview = overviewTask(host, options.client, () => this.overviewReader(), () => this.overviewRevision);
    host.addController(this);
  }

  /** The overview's reader, for its task (`ReaderKey`); null, too, until the overview is first shown. */
  private overviewReader(): object | null {
    const user = this.auth.user;
    if (user !== null && !this.reader.started && this.view !== 'oversikt') return null;
    return this.reader.keyFor(user);
  }

  /** Every answer, from all the pages' forms. */
  get answers(): Answers {
    return {
      ...emptyAnswers(),
      ...this.childForm.values,
      ...this.typeForm.values,
      ...this.startForm.values,
      units: [...this.unitsForm.values.units],
      ...this.siblingForm.values,
      ...this.scheduleForm.values,
      ...this.otherForm.values,
    };
  }

  /** The chosen child, once the children have loaded. */
  get child(): Child | undefined {
    const id = this.childForm.values.childId;
    return id ? this.children.value?.children.find((child) => child.id === id) : undefined;
  }

  get maxRankedUnits(): number {
    return this.settings.value?.maxRankedUnits ?? 3;
  }

  /** The types the chosen child may have at some start, in the contract's order. */
  get eligibleTypes(): PlacementType[] {
    const child = this.child;
    const today = this.settings.value?.today;
    return child && today ? eligibleTypes(child.birthDate, today) : [];
  }

  /** A unit of the chosen type by id, once the units have loaded. */
  unit(id: string): Unit | undefined {
    return this.units.value?.find((unit) => unit.id === id);
  }

  /** The guardian's unsent application (utkast: begun here, or restored from the draft), for the overview's "Fortsätt med ansökan". */
  get draftSummary(): { childName: string | undefined; type: PlacementType | undefined } | undefined {
    if (this.childForm.values.childId === '' || this.flow.current === 'confirmation') return undefined;
    const child = this.child;
    return { childName: child ? `${child.givenName} ${child.familyName}` : undefined, type: this.typeForm.values.type || undefined };
  }

  /** "Fortsätt med ansökan": the form at the page the draft was left on. */
  resumeDraft(): void {
    this.showView('ansok');
  }

  /** "Ansök om plats": the form from its first page, empty (an unsent draft the overview offered to continue is let go). */
  startApplication(): void {
    if (this.draftSummary || this.submitted) {
      this.startOver();
      void this.draft.clear();
    }
    this.showView('ansok');
  }

  openApplication(id: string): void {
    this.opened = { kind: 'application', id };
    this.focusNext();
  }

  openPlacement(id: string): void {
    this.opened = { kind: 'placement', id };
    this.focusNext();
  }

  /** Back to the overview's list (the overview puts the focus on the row itself). */
  closeOpened(): void {
    this.opened = undefined;
    this.overviewRevision += 1;
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    // Back from a login started on the form: the form again (the draft brings back the page).
    const back = this.auth.returnedTo;
    if (back && !this.returnHandled) {
      this.returnHandled = true;
      if (back.step === 'ansok') void Promise.resolve().then(() => this.showView('ansok', false));
    }
  }

  hostUpdated(): void {
    if (this.focusId) {
      const control = this.host.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.focusId)}`);
      this.focusId = undefined;
      control?.focus();
    }
    const target = this.focusHeading && this.host.renderRoot.querySelector<HTMLElement>('[data-kk-focus-target]');
    // A lazy view's heading comes with its chunk: the focus waits for it.
    if (!target) return;
    this.focusHeading = false;
    target.focus();
  }

  /** A lazy feature's state for this widget under `key`, made by `make` the first time it is asked for. */
  stateOf<T>(key: object, make: () => T): T {
    if (!this.featureState.has(key)) this.featureState.set(key, make());
    return this.featureState.get(key) as T;
  }

  /** Moves the focus to the new page's heading after the next render. */
  focusNext(): void {
    this.focusHeading = true;
    this.host.requestUpdate();
  }

  /** Switches views, with focus on the new view's heading. */
  showView(view: View, focus = true): void {
    if (view === this.view) return;
    this.view = view;
    this.opened = undefined;
    this.focusHeading = focus;
    this.options.onViewChange(view);
    this.host.requestUpdate();
  }

  private restore(draft: RestoredDraft<Answers>): void {
    const { values } = draft;
    this.childForm.setAll({ childId: values.childId });
    this.typeForm.setAll({ type: values.type });
    this.startForm.setAll({ desiredStartDate: values.desiredStartDate });
    this.unitsForm.setAll({ units: values.units });
    this.siblingForm.setAll({ hasSibling: values.hasSibling, siblingUnitId: values.siblingUnitId });
    this.scheduleForm.setAll({ hoursPerWeek: values.hoursPerWeek, dropOff: values.dropOff, pickUp: values.pickUp, reason: values.reason });
    this.otherForm.setAll({ specialNeeds: values.specialNeeds, diet: values.diet, motherTongue: values.motherTongue, message: values.message });
    this.flow.restore(draft.path);
  }

  /** Saves what the guardian has answered so far (not after the application has been sent). */
  private persist(): void {
    if (this.flow.current === 'confirmation') return;
    this.draft.save(this.answers, { path: this.flow.path, hadFiles: false });
  }

  /** At logout the answers leave the form (the draft is the server's, and this tab's copy goes with the session). */
  private forget(): void {
    this.clearForms();
    this.lastSend = undefined;
    this.submitted = undefined;
    this.flow.reset();
  }

  private clearForms(): void {
    this.childForm.setAll({ childId: '' });
    this.typeForm.setAll({ type: '' });
    this.startForm.setAll({ desiredStartDate: '' });
    this.unitsForm.setAll({ units: [] });
    this.siblingForm.setAll({ hasSibling: '', siblingUnitId: '' });
    this.scheduleForm.setAll({ hoursPerWeek: '', dropOff: '', pickUp: '', reason: '' });
    this.otherForm.setAll({ specialNeeds: '', diet: '', motherTongue: '', message: '' });
    this.feeForm.setAll({ income: '', siblingOrder: '1' });
    this.unitQuery = '';
    this.unitArea = '';
    this.announcement = '';
    this.submitProblem = undefined;
  }

  // Actions the pages call, through the views.

  submitChild(): void {
    if (!this.childForm.submit()) return;
    // Another child may not be eligible for the type chosen before: the type is asked again.
    const type = this.typeForm.values.type;
    if (type && !this.eligibleTypes.includes(type)) this.setType('');
    this.flow.next();
  }

  private setType(type: PlacementType | ''): void {
    if (type === this.typeForm.values.type) return;
    this.typeForm.set('type', type);
    // Units are of one type: the choices of another type go.
    this.unitsForm.setAll({ units: [] });
    this.siblingForm.setAll({ hasSibling: '', siblingUnitId: '' });
  }

  chooseType(type: string): void {
    this.setType(type as PlacementType | '');
  }

  submitType(): void {
    if (this.typeForm.submit()) this.flow.next();
  }

  submitStart(): void {
    if (this.startForm.submit()) this.flow.next();
  }

  setUnitQuery(value: string): void {
    this.unitQuery = value;
    this.host.requestUpdate();
  }

  setUnitArea(value: string): void {
    this.unitArea = value;
    this.host.requestUpdate();
  }

  private unitName(id: string): string {
    return this.unit(id)?.name ?? id;
  }

  private setUnits(units: string[], announcement: string, focusId?: string): void {
    this.unitsForm.set('units', units);
    if (this.unitsForm.errors.units) this.unitsForm.blur('units');
    this.announcement = announcement;
    this.focusId = focusId;
    this.host.requestUpdate();
  }

  /** Adds a unit last among the choices; focus stays on the unit's button in the list, which now takes it away again. */
  rankUnit(id: string): void {
    const units = this.unitsForm.values.units;
    if (units.includes(id) || units.length >= this.maxRankedUnits) return;
    const next = [...units, id];
    this.setUnits(next, msg(str`${this.unitName(id)} är nu ditt val nummer ${next.length} av ${next.length}.`), fieldId(`pick-${id}`));
  }

  /** Removes a unit from the choices: from the list of units focus stays on its button; from the ranked list it goes to the list. */
  unrankUnit(id: string, from: 'list' | 'ranked'): void {
    const next = this.unitsForm.values.units.filter((unit) => unit !== id);
    this.setUnits(next, msg(str`${this.unitName(id)} är borttagen från dina val.`), from === 'list' ? fieldId(`pick-${id}`) : fieldId('units'));
  }

  /** Moves a choice one up (`-1`) or down (`1`); focus stays on the same button of the moved unit (the other one at an end). */
  moveUnit(id: string, by: -1 | 1): void {
    const units = [...this.unitsForm.values.units];
    const from = units.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= units.length) return;
    units.splice(from, 1);
    units.splice(to, 0, id);
    const atEnd = by < 0 ? to === 0 : to === units.length - 1;
    const direction = atEnd === (by < 0) ? 'down' : 'up';
    this.setUnits(units, msg(str`${this.unitName(id)} är nu ditt val nummer ${to + 1} av ${units.length}.`), fieldId(`rank-${id}-${direction}`));
  }

  submitUnits(): void {
    if (this.unitsForm.submit()) this.flow.next();
  }

  submitSibling(): void {
    if (this.siblingForm.values.hasSibling === 'nej' && this.siblingForm.values.siblingUnitId) this.siblingForm.set('siblingUnitId', '');
    if (this.siblingForm.submit()) this.flow.next();
  }

  submitSchedule(): void {
    if (this.scheduleForm.submit()) this.flow.next();
  }

  submitOther(): void {
    if (this.otherForm.submit()) this.flow.next();
  }

  submitFee(): void {
    if (this.feeForm.submit()) this.flow.next();
  }

  /**
   * Sends the application: once, however often the guardian presses "Skicka ansökan" for the
   * same answers, and never for longer than `sendTimeoutMs`.
   */
  async submitApplication(): Promise<void> {
    const client = this.options.client();
    if (this.busy || !client) return;
    // A change of child after the start date may have made the date impossible: corrected on its page.
    if (!this.startForm.submit()) {
      this.flow.showApiField('desiredStartDate');
      return;
    }
    this.busy = true;
    this.submitProblem = undefined;
    this.host.requestUpdate();
    const application = toRequest(this.answers);
    const fingerprint = JSON.stringify(application);
    if (this.lastSend?.fingerprint !== fingerprint) this.lastSend = { key: idempotencyKey(), fingerprint };
    const signal = AbortSignal.timeout(BarnomsorgController.sendTimeoutMs);
    try {
      const sent = await sendApplication(client, application, { idempotencyKey: this.lastSend.key, signal });
      this.lastSend = undefined;
      this.submitted = sent;
      // The gateway deletes the server's draft with the send; this tab's copy goes too.
      void this.draft.clear();
      this.flow.go('confirmation');
      this.options.onSubmitted({ applicationId: sent.id });
    } catch (error) {
      // A refusal (4xx but 408 and 429) stored nothing under the key: the next send may take a new one.
      if (error instanceof ApiError && error.status < 500 && error.status !== 408 && error.status !== 429) this.lastSend = undefined;
      this.showSubmitError(error, signal.aborted);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** The gateway's field errors on the page that corrects them; a 409 and the rest above the check page's summary. */
  private showSubmitError(error: unknown, timedOut: boolean): void {
    const resend = msg('Dina svar finns kvar. Tryck på ”Skicka ansökan” igen utan att ändra något: om ansökan redan har kommit fram skickas den inte två gånger.');
    if (timedOut) {
      this.submitProblem = { kind: 'fel', text: `${msg('Vi fick inget svar i tid, så vi vet inte om ansökan har kommit fram.')} ${resend}` };
      return;
    }
    if (error instanceof NetworkError) {
      this.submitProblem = { kind: 'fel', text: `${msg('Vi fick ingen kontakt med kommunen, så vi vet inte om ansökan har kommit fram. Kontrollera att du är ansluten till internet.')} ${resend}` };
      return;
    }
    if (error instanceof ApiError && error.status === 409) {
      this.submitProblem = { kind: 'aktiv', text: error.detail ?? msg('Barnet har redan en ansökan om den här typen av plats som inte är färdigbehandlad.') };
      return;
    }
    // `/body/schedule/dropOff` → `schedule/dropOff`: the flow's apiFields name these paths.
    const fields = error instanceof ApiError ? [...error.fieldErrors].map(([pointer, detail]) => [pointer.replace(/^\/body\/?/, ''), detail] as const) : [];
    const step = fields.length > 0 ? this.flow.showApiField(fields[0]![0]) : undefined;
    if (step === undefined) {
      this.submitProblem = {
        kind: 'fel',
        text:
          error instanceof ApiError && error.status < 500 && error.status !== 429
            ? (error.detail ?? error.title)
            : msg('Det gick inte att skicka ansökan just nu. Dina svar finns kvar. Försök igen om en stund.'),
      };
      return;
    }
    const errors: Record<string, string> = {};
    for (const [field, detail] of fields) {
      if (flow.stepOfApiField(field) !== step) continue;
      // A form field is the first part of the path (`units/2` → units), or the schedule's own (`schedule/dropOff` → dropOff).
      const parts = field.split('/');
      const name = parts[0] === 'schedule' && parts[1] ? parts[1] : parts[0]!;
      errors[name] ??= detail;
    }
    const form = ({
      child: this.childForm,
      type: this.typeForm,
      start: this.startForm,
      units: this.unitsForm,
      sibling: this.siblingForm,
      schedule: this.scheduleForm,
      other: this.otherForm,
    } as unknown as Partial<Record<Step, FormController<Record<string, unknown>>>>)[step];
    if (!form) return;
    const known = Object.fromEntries(Object.entries(errors).filter(([name]) => name in form.values));
    // A field the page has no control for (`schedule` as a whole) is shown on the page's first field.
    const first = Object.keys(form.values)[0]!;
    form.setErrors(Object.keys(known).length > 0 ? known : { [first]: Object.values(errors)[0]! });
  }

  /** "Ansök för ett annat barn": a fresh start, nothing of the last application kept. */
  startOver(): void {
    this.clearForms();
    this.submitted = undefined;
    this.flow.reset();
  }
}
