import { msg, str } from '@kommunkit/ui';
import { ApiError, NetworkError, type KommunkitClient, type User } from '@kommunkit/sdk';
import { idempotencyKey, type FelanmalanReport, type Open311Service, type Open311ServiceDefinition, type SubmittedReport } from '@kommunkit/sdk/felanmalan';
import { DraftController, FlowController, FormController, plural, questionForm, type KommunController, type RestoredDraft } from '@kommunkit/ui';
import type { ReactiveController, ReactiveElement } from 'lit';
import { answersVersion, emptyAnswers, fromDraft, positionOf, toReport, type Answers } from './answers.js';
import { definitionTask, lookupTask, servicesTask, submitReport } from './data.js';
import type { NearbyReport } from './nearby/search.js';
import type { ReportSubmittedDetail } from './events.js';
import { flow } from './flow.js';
import { PhotoList } from './photos.js';
import { attributeField, questionsOf } from './questions.js';
import { categoryRules, contactRules, descriptionRule, followRules, placeRules } from './rules.js';
import { readSent, writeSent } from './sent.js';
import type { FlowContext, Position, Step, View } from './types.js';

/** Id of a form field in the shadow root. */
export const fieldId = (name: string): string => `kk-fel-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export interface FelanmalanControllerOptions {
  client: () => KommunkitClient | undefined;
  /** The kommun's info (the map settings), the element's own `kommunInfo`. */
  kommun: KommunController;
  /** A report has been filed (the element fires `kk-report-submitted`). */
  onSubmitted: (detail: ReportSubmittedDetail) => void;
  /** The citizen switched between filing and following (the element reflects `view`). */
  onViewChange: (view: View) => void;
  /** Loads the confirmation's chunk, so the page changes with its heading there to take focus. */
  confirmation?: () => Promise<unknown>;
}

type Message = { tone: 'info' | 'error'; text: string };
/** The details page: the description, and the category's questions by field name. */
type DetailsValues = { description: string } & Record<string, unknown>;

/**
 * Everything felanmälan does, without the element: the pages' forms, the flow, the draft,
 * busy and error state, and the actions the pages call. The element renders `views.ts`'s views
 * of it; nothing here imports the element.
 */
export class FelanmalanController implements ReactiveController {
  /**
   * Longest wait for a send, the SDK's retries included, before it is stopped and the citizen is
   * told. Internal (the controller is not exported); tests shorten it.
   */
  static sendTimeoutMs = 20_000;

  readonly categoryForm: FormController<{ serviceCode: string }>;
  readonly placeForm: FormController<{ address: string; position: Position | null }>;
  /** The description and the chosen category's questions (fields change with the category). */
  readonly detailsForm: FormController<DetailsValues>;
  readonly contactForm: FormController<{ firstName: string; lastName: string; email: string; phone: string }>;
  readonly followForm: FormController<{ reference: string }>;
  readonly flow: FlowController<Step, Answers, FlowContext>;
  readonly draft: DraftController<Answers>;
  readonly kommun: KommunController;
  readonly photos: PhotoList;
  readonly services;
  readonly definition;
  readonly lookup;

  view: View = 'anmal';
  search = '';
  nearby: NearbyReport[] = [];
  /** The nearest address of each position named ("lat,long" → address, null when none is near or no answer came), kept by `map/address.ts`. */
  places?: Map<string, string | null>;
  busy = false;
  submitError: string | undefined;
  submitted: SubmittedReport | undefined;
  photoError: string | undefined;
  positionMessage: Message | undefined;
  /** The reference looked up on the follow view (upper case, trimmed). */
  lookupReference = '';

  /** Answers of questions not asked yet (the category's questions load after a restore). */
  private attributeDraft: Answers['attributes'] = {};
  private formDefinition: Open311ServiceDefinition | undefined;
  private contactPrefilled = false;
  /** Counts the logouts' `forgetContact`: a name from the profile asked for before one is not filled in after it. */
  private contactForgotten = 0;
  private focusHeading = false;
  /**
   * The idempotency key of the last send that did not succeed, with a fingerprint of exactly
   * what it sent: sending the same again reuses the key, so a report that did arrive (its answer
   * lost) is answered with its own reference number instead of being filed twice.
   */
  private lastSend: { key: string; fingerprint: string } | undefined;
  /** The client whose login state is listened to, and whether someone was logged in. */
  private client: KommunkitClient | undefined;
  private signedIn = false;
  /** The lazy features' own state, by the key each feature names it with (`stateOf`). */
  private readonly featureState = new Map<object, unknown>();

  constructor(
    /** The element, for the lazy features' own controllers. */
    readonly host: ReactiveElement,
    readonly options: FelanmalanControllerOptions,
  ) {
    const persist = () => this.persist();
    // The flow first: after a failed submit the forms' error summary must win the focus.
    this.flow = new FlowController(host, { flow, answers: () => this.answers, context: () => this.context, onChange: persist });
    this.categoryForm = new FormController(host, { initial: { serviceCode: '' }, idFor: () => fieldId('category-0'), rules: categoryRules, onChange: persist });
    this.placeForm = new FormController(host, {
      initial: { address: '', position: null as Position | null },
      idFor: fieldId,
      // A pin or the citizen's position is enough on its own.
      rules: placeRules(() => this.placeForm.values.position !== null),
      onChange: persist,
    });
    this.detailsForm = new FormController<DetailsValues>(host, { initial: { description: '' }, idFor: fieldId, rules: { description: descriptionRule }, onChange: persist });
    this.contactForm = new FormController(host, { initial: { firstName: '', lastName: '', email: '', phone: '' }, idFor: fieldId, rules: contactRules, onChange: persist });
    this.followForm = new FormController(host, { initial: { reference: '' }, idFor: fieldId, rules: followRules });
    this.photos = new PhotoList(host);
    this.kommun = options.kommun;
    this.draft = new DraftController<Answers>(host, {
      service: 'felanmalan',
      version: answersVersion,
      defaults: emptyAnswers,
      parse: fromDraft,
      client: options.client,
      onRestore: (draft) => this.restore(draft),
    });
    this.services = servicesTask(host, options.client);
    this.definition = definitionTask(host, options.client, () => this.selectedService);
    this.lookup = lookupTask(host, options.client, () => this.lookupReference);
    host.addController(this);
  }

  /** The category chosen, when the list has loaded. */
  get selectedService(): Open311Service | undefined {
    const code = this.categoryForm.values.serviceCode;
    return code ? this.services.value?.find((service) => service.service_code === code) : undefined;
  }

  get context(): FlowContext {
    return { nearbyCount: this.nearby.length };
  }

  /** Every answer, from all the pages' forms. */
  get answers(): Answers {
    const position = this.placeForm.values.position;
    const attributes: Answers['attributes'] = { ...this.attributeDraft };
    for (const question of questionsOf(this.formDefinition)) {
      const value = this.detailsForm.values[question.name];
      const code = question.name.slice(attributeField('').length);
      if (typeof value === 'string' || Array.isArray(value)) attributes[code] = value as string | string[];
    }
    return {
      ...emptyAnswers(),
      serviceCode: this.categoryForm.values.serviceCode,
      address: this.placeForm.values.address,
      lat: position?.lat,
      long: position?.long,
      description: this.detailsForm.values.description,
      attributes,
      ...this.contactForm.values,
    };
  }

  hostUpdate(): void {
    const client = this.options.client();
    if (client !== this.client) {
      this.hostDisconnected();
      this.client = client;
      if (client) {
        this.signedIn = !!client.auth.user;
        client.auth.addEventListener('change', this.onAuth);
        // A reload keeps the last send's key and the confirmation's number (and the view a login left).
        const sent = readSent(client);
        this.lastSend = sent.send;
        this.submitted = sent.report;
        const { view } = sent;
        // After this update: the element's `view` follows, reflected.
        if (view)
          void Promise.resolve().then(() => {
            this.keepSent();
            this.showView(view, '', false);
          });
      }
    }
    const definition = this.definition.value;
    if (definition && definition !== this.formDefinition && definition.service_code === this.categoryForm.values.serviceCode) this.askQuestions(definition);
    if (this.flow.current === 'contact' && !this.contactPrefilled) void this.prefillContact();
  }

  hostDisconnected(): void {
    this.client?.auth.removeEventListener('change', this.onAuth);
    this.client = undefined;
  }

  /** A lazy feature's state for this widget under `key`, made by `make` the first time it is asked for. */
  stateOf<T>(key: object, make: () => T): T {
    if (!this.featureState.has(key)) this.featureState.set(key, make());
    return this.featureState.get(key) as T;
  }

  private readonly onAuth = ({ detail }: CustomEvent<User | null>): void => {
    if (this.signedIn && !detail) void this.forgetContact();
    // A new login fills the name in again.
    if (!this.signedIn && detail) this.contactPrefilled = false;
    this.signedIn = !!detail;
    this.changed();
  };

  /**
   * At logout the contact details leave the form and the draft (and the last send, whose
   * fingerprint holds them). A draft still being restored is restored first, so that they leave
   * it and the rest of it stays.
   */
  async forgetContact(): Promise<void> {
    await this.draft.whenRestored();
    this.contactForm.setAll({ firstName: '', lastName: '', email: '', phone: '' });
    this.contactForgotten += 1;
    // No name from the profile that is leaving (the logout is not done yet); onAuth allows it again at the next login.
    this.contactPrefilled = true;
    this.lastSend = undefined;
    this.keepSent();
    this.persist();
  }

  private keepSent(): void {
    if (this.client) writeSent(this.client, { send: this.lastSend, report: this.submitted });
  }

  hostUpdated(): void {
    const target = this.focusHeading && this.host.renderRoot.querySelector<HTMLElement>('[data-kk-focus-target]');
    // A lazy view's heading comes with its chunk: the focus waits for it.
    if (!target) return;
    this.focusHeading = false;
    target.focus();
  }

  /** The category's questions join the details form; answers given before (a draft) are kept. */
  private askQuestions(definition: Open311ServiceDefinition): void {
    this.formDefinition = definition;
    const questions = questionsOf(definition);
    const previous: Record<string, unknown> = { ...this.detailsForm.values };
    for (const [code, value] of Object.entries(this.attributeDraft)) previous[attributeField(code)] ??= value;
    const { initial, rules } = questionForm(questions, previous);
    this.detailsForm.setFields({ description: '', ...initial }, { description: descriptionRule, ...rules });
  }

  private restore(draft: RestoredDraft<Answers>): void {
    const { values } = draft;
    this.attributeDraft = values.attributes;
    this.categoryForm.setAll({ serviceCode: values.serviceCode });
    this.placeForm.setAll({ address: values.address, position: positionOf(values) });
    // The category's questions are asked again (on the next update), with the restored answers.
    this.formDefinition = undefined;
    this.detailsForm.setFields({ description: '' }, { description: descriptionRule });
    this.detailsForm.setAll({ description: values.description });
    this.contactForm.setAll({ firstName: values.firstName, lastName: values.lastName, email: values.email, phone: values.phone });
    this.flow.restore(draft.path);
  }

  /** Saves what the citizen has typed so far (not after the report has been filed). */
  private persist(): void {
    if (this.flow.current === 'confirmation') return;
    this.draft.save(this.answers, { path: this.flow.path, hadFiles: this.photos.photos.length > 0 || this.draft.filesLost });
  }

  /** A logged-in citizen's name fills in the contact page's name fields, unless they have typed one. */
  private async prefillContact(): Promise<void> {
    this.contactPrefilled = true;
    const forgotten = this.contactForgotten;
    try {
      const user = await this.options.client()?.auth.load();
      const { values } = this.contactForm;
      if (!user || forgotten !== this.contactForgotten || values.firstName || values.lastName) return;
      this.contactForm.setAll({ firstName: user.givenName, lastName: user.familyName });
      this.persist();
    } catch {
      // Not knowing who is logged in only means the fields start empty.
    }
  }

  private changed(): void {
    this.host.requestUpdate();
  }

  // Actions the pages call, through the views.

  /** A page's answers are done: the next page, or back to check answers after "Ändra". */
  next(): void {
    this.flow.next();
  }

  /** The category page's submit; a category the kommun does not handle goes no further. */
  submitCategory(): void {
    if (this.categoryForm.submit() && !this.selectedService?.handoff_note) this.flow.next();
  }

  /** The place page's submit: finds open reports of the category near the pin or the typed address (a chunk of its own) before going on. */
  async submitPlace(): Promise<void> {
    if (!this.placeForm.submit()) return;
    this.busy = true;
    this.changed();
    this.nearby = await import('./nearby/search.js').then((m) => m.nearbyFor(this), () => []);
    this.busy = false;
    this.flow.next();
  }

  submitDetails(): void {
    if (this.detailsForm.submit() && !this.photos.busy) this.flow.next();
  }

  submitContact(): void {
    if (this.contactForm.submit()) this.flow.next();
  }

  setSearch(value: string): void {
    this.search = value;
    this.changed();
  }

  /** Sets or clears the pin, from the map or the citizen's position. */
  setPosition(position: Position | null): void {
    this.placeForm.set('position', position);
    if (position && this.placeForm.errors.address) this.placeForm.blur('address');
  }

  /** "Använd min position": the browser's position, asked for in a chunk of its own (few citizens press it). */
  useMyPosition(): void {
    void import('./map/position.js').then(
      ({ locate }) =>
        locate((message, position) => {
          if (position) this.setPosition(position);
          this.positionMessage = message;
          this.changed();
        }),
      () => {
        this.positionMessage = { tone: 'error', text: msg('Vi kunde inte hämta din position. Skriv platsen i stället, eller välj den på kartan.') };
        this.changed();
      },
    );
  }

  /** Adds chosen photos, downscaled. */
  async addPhotos(files: File[]): Promise<void> {
    this.photoError = undefined;
    this.draft.dismissFilesLost();
    const { unreadable, tooMany } = await this.photos.add(files);
    const names = unreadable.join(', ');
    if (unreadable.length > 0) this.photoError = msg(str`${names} gick inte att läsa som bild. Välj bilder i formatet JPEG, PNG eller WebP.`);
    else if (tooMany) this.photoError = plural(this.photos.max, { one: msg(str`Du kan lägga till högst ${this.photos.max} bild`), other: msg(str`Du kan lägga till högst ${this.photos.max} bilder`) });
    this.persist();
    this.changed();
  }

  removePhoto(id: number): void {
    this.photos.remove(id);
    this.persist();
  }

  /**
   * Files the report: once, however often the citizen presses "Skicka anmälan" for the same
   * answers, and never for longer than `sendTimeoutMs`.
   */
  async submitReport(): Promise<void> {
    const client = this.options.client();
    if (this.busy || !client) return;
    this.busy = true;
    this.submitError = undefined;
    this.changed();
    const answers = this.answers;
    const report = toReport(answers);
    const photos = this.photos.photos;
    // A logged-in citizen files through the citizen API, so the report is linked to them.
    const mine = client.auth.user !== null;
    const fingerprint = this.fingerprintOf(report, photos, mine);
    if (this.lastSend?.fingerprint !== fingerprint) this.lastSend = { key: idempotencyKey(), fingerprint };
    this.keepSent();
    const signal = AbortSignal.timeout(FelanmalanController.sendTimeoutMs);
    try {
      const blobs = photos.map((photo) => photo.blob);
      const options = { idempotencyKey: this.lastSend.key, signal };
      const submitted = mine
        ? await (await import('@kommunkit/sdk/felanmalan-citizen')).fileMyReport(client, report, { photos: blobs, ...options })
        : await submitReport(client, report, blobs, options);
      await this.options.confirmation?.().catch(() => undefined);
      this.lastSend = undefined;
      this.submitted = submitted;
      this.keepSent();
      void this.draft.clear();
      this.flow.go('confirmation');
      this.options.onSubmitted({ reference: submitted.reference, serviceCode: answers.serviceCode });
    } catch (error) {
      // A refusal (4xx but 408 and 429) stored nothing under the key: the next send may take a new one.
      if (error instanceof ApiError && error.status < 500 && error.status !== 408 && error.status !== 429) this.lastSend = undefined;
      this.keepSent();
      this.showSubmitError(error, signal.aborted);
    } finally {
      this.busy = false;
      this.changed();
    }
  }

  /**
   * Exactly what a send carries: the report as `toReport()` builds it (always in the same key
   * order for the same answers), which photos (their identity in the photo list, which starts
   * again after a reload, so with name and size too) and to which API.
   */
  private fingerprintOf(report: FelanmalanReport, photos: readonly { id: number; name: string; blob: Blob }[], mine: boolean): string {
    return JSON.stringify([report, photos.map((photo) => [photo.id, photo.name, photo.blob.size]), mine]);
  }

  /**
   * The gateway's field errors on the page that corrects them, the rest above the summary. With
   * no answer (lost, or none in time) the report may have arrived, and the message says so.
   */
  private showSubmitError(error: unknown, timedOut: boolean): void {
    const resend = msg('Dina svar finns kvar. Tryck på ”Skicka anmälan” igen utan att ändra något: om anmälan redan har kommit fram skickas den inte två gånger, och du får dess ärendenummer.');
    if (timedOut) {
      this.submitError = `${msg('Vi fick inget svar i tid, så vi vet inte om anmälan har kommit fram.')} ${resend}`;
      return;
    }
    if (error instanceof NetworkError) {
      this.submitError = `${msg('Vi fick ingen kontakt med kommunen, så vi vet inte om anmälan har kommit fram. Kontrollera att du är ansluten till internet.')} ${resend}`;
      return;
    }
    const fields = error instanceof ApiError ? [...error.fieldErrors].map(([pointer, detail]) => [pointer.split('/').pop() ?? '', detail] as const) : [];
    const step = fields.length > 0 ? this.flow.showApiField(fields[0]![0]) : undefined;
    if (step === undefined) {
      this.submitError =
        error instanceof ApiError && error.status < 500 && error.status !== 429
          ? (error.detail ?? error.title)
          : msg('Det gick inte att skicka anmälan just nu. Dina svar finns kvar. Försök igen om en stund.');
      return;
    }
    const errors: Record<string, string> = {};
    for (const [field, detail] of fields) {
      if (flow.stepOfApiField(field) !== step) continue;
      const attribute = /^attribute\[(.+?)\]/.exec(field)?.[1];
      if (attribute) errors[attributeField(attribute)] = detail;
      else if (field === 'media') this.photoError = detail;
      else errors[formFieldOf[field] ?? field] = detail;
    }
    if (step === 'category') this.categoryForm.setErrors(errors);
    else if (step === 'place') this.placeForm.setErrors(errors);
    else if (step === 'contact') this.contactForm.setErrors(errors);
    else this.detailsForm.setErrors(errors);
  }

  /** "Gör en ny felanmälan": a fresh start, nothing of the last report kept. */
  startOver(): void {
    this.categoryForm.setAll({ serviceCode: '' });
    this.placeForm.setAll({ address: '', position: null });
    this.attributeDraft = {};
    this.formDefinition = undefined;
    this.detailsForm.setFields({ description: '' }, { description: descriptionRule });
    this.contactForm.setAll({ firstName: '', lastName: '', email: '', phone: '' });
    this.contactPrefilled = false;
    this.photos.clear();
    this.photoError = undefined;
    this.submitError = undefined;
    this.submitted = undefined;
    this.keepSent();
    this.nearby = [];
    this.search = '';
    this.positionMessage = undefined;
    this.showView('anmal', '', false);
    this.flow.reset();
  }

  /** Switches between filing and following, with focus on the new view's heading. */
  showView(view: View, reference = '', focus = true): void {
    if (reference) this.lookUp(reference);
    if (view === this.view && !reference) return;
    this.view = view;
    this.focusHeading = focus;
    this.options.onViewChange(view);
    this.changed();
  }

  /** Looks a report up by reference, e.g. from the element's `reference` attribute. */
  lookUp(reference: string): void {
    this.followForm.setAll({ reference });
    this.lookupReference = reference.trim().toUpperCase();
    this.changed();
  }

  /** The follow form's submit. */
  submitFollow(): void {
    if (!this.followForm.submit()) return;
    const wanted = this.followForm.values.reference.trim().toUpperCase();
    if (wanted === this.lookupReference) void this.lookup.run();
    else this.lookUp(wanted);
  }
}

/** The form field behind each of the gateway's (Open311) field names that differ. */
const formFieldOf: Record<string, string> = {
  service_code: 'serviceCode',
  first_name: 'firstName',
  last_name: 'lastName',
  lat: 'address',
  long: 'address',
  address_string: 'address',
};
