import { msg, str } from '@lit/localize';
import { ApiError } from '@kommunkit/sdk';
import { felanmalanFor, type Open311Attribute, type Open311Service, type Open311ServiceDefinition, type Open311ServiceRequest, type SubmittedReport } from '@kommunkit/sdk/felanmalan';
import { formStyles, FormController, KkElement, registerTranslations, StepController, uiStyles, type FormRules } from '@kommunkit/ui';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef, type Ref } from 'lit/directives/ref.js';
import { definitionTask, lookupTask, mapTask, servicesTask } from './api.js';
import { clearDraft, loadDraft, saveDraft } from './draft.js';
import './events.js';
import { felanmalanStyles } from './felanmalan.styles.js';
import { emptyAnswers, hasPosition, next, restorePath, stepForField, toReport, type Answers, type Step } from './flow.js';
import type { PlaceMap } from './map/map.js';
import { PhotoList } from './photos.js';
import { contactRules, validateAddress, validateAttributeText, validateDescription } from './rules.js';
import { renderCategory } from './steps/category.js';
import { renderCheck } from './steps/check.js';
import { renderConfirmation } from './steps/confirmation.js';
import { renderContact } from './steps/contact.js';
import { renderDetails } from './steps/details.js';
import { renderFollow } from './steps/follow.js';
import { renderNearby } from './steps/nearby.js';
import { renderPlace } from './steps/place.js';

registerTranslations('en', () => import('./locales/en.js'));

/** The widget's two views: file a report, or follow one by its reference number. */
export type View = 'anmal' | 'folj';

type Position = { lat: number; long: number } | null;

/** Form field name of a category's extra question. */
export const attributeField = (code: string): string => `attr_${code}`;
/** Id of a form field in the shadow root. */
export const fieldId = (name: string): string => `kk-fel-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * Felanmälan: a citizen reports a fault in public space (a broken street light, a pothole,
 * graffiti) in a few short question pages, with the place given in words or on a map, and
 * follows the report by its reference number. Speaks Open311 GeoReport v2 with the gateway.
 *
 * @tagname kk-felanmalan
 * @summary Report a fault in public space, and follow what happens to it.
 *
 * @fires {CustomEvent<ReportSubmittedDetail>} kk-report-submitted - When a report has been filed. `detail: { reference, serviceCode }`: ids only, never personal data.
 *
 * @csspart map - The map on the place page (shown when the kommun has configured one).
 * @csspart photos - The list of photo previews.
 * @csspart history - The status history of a followed report.
 *
 * @cssprop --kk-felanmalan-map-height - Height of the map (default 20em).
 * @cssprop --kk-color-primary - Buttons, links and the map pin; every `--kk-*` token of @kommunkit/ui applies.
 * @cssprop --kk-max-width - Widest the widget grows (default 40em).
 */
export class KkFelanmalan extends KkElement {
  static override styles = [uiStyles, formStyles, felanmalanStyles];

  /** `anmal` files a report (default); `folj` looks one up by reference number ("Följ ärende"). */
  @property({ reflect: true })
  view: View = 'anmal';

  /** With `view="folj"`: a reference number to look up at once, e.g. from a link in an e-mail. */
  @property()
  reference = '';

  // Steps first: after a failed submit the forms' error summary must win the focus.
  /** @internal */
  readonly steps = new StepController<Step>(this, { initial: 'category', onChange: () => this.persist() });

  /** @internal */
  readonly categoryForm = new FormController(this, {
    initial: { serviceCode: '' },
    idFor: () => fieldId('category-0'),
    rules: { serviceCode: { required: () => msg('Välj vad felet gäller') } },
    onChange: () => this.persist(),
  });

  /** @internal */
  readonly placeForm = new FormController(this, {
    initial: { address: '', position: null as Position },
    idFor: (name) => fieldId(name),
    rules: {
      address: {
        required: () => msg('Skriv var felet finns, eller välj platsen på kartan'),
        // A pin or the citizen's position is enough on its own.
        isEmpty: (value: string): boolean => value.trim() === '' && !hasPosition(this.placeForm.values.position ?? {}),
        validate: validateAddress,
      },
    },
    onChange: () => this.persist(),
  });

  /** @internal */
  detailsForm = this.makeDetailsForm(undefined, {});

  /** @internal */
  readonly contactForm = new FormController(this, {
    initial: { firstName: '', lastName: '', email: '', phone: '' },
    idFor: (name) => fieldId(name),
    rules: contactRules,
    onChange: () => this.persist(),
  });

  /** @internal */
  readonly followForm = new FormController(this, {
    initial: { reference: '' },
    idFor: (name) => fieldId(name),
    rules: { reference: { required: () => msg('Skriv ärendenumret') } },
  });

  /** @internal */
  readonly photos = new PhotoList(this);
  /** @internal */
  readonly services = servicesTask(this, () => this.client);
  /** @internal */
  readonly definition = definitionTask(this, () => this.client, () => this.selectedService);
  /** @internal */
  readonly mapSettings = mapTask(this, () => this.client);
  /** @internal */
  readonly lookup = lookupTask(this, () => this.client, () => this.lookupReference);

  /** @internal */
  @state() search = '';
  /** @internal */
  @state() nearbyReports: Open311ServiceRequest[] = [];
  /** @internal */
  @state() busy = false;
  /** @internal */
  @state() submitError: string | undefined;
  /** @internal */
  @state() submitted: SubmittedReport | undefined;
  /** @internal */
  @state() photoError: string | undefined;
  /** @internal */
  @state() photosLost = false;
  /** @internal */
  @state() positionMessage: { tone: 'info' | 'error'; text: string } | undefined;
  /** @internal */
  @state() lookupReference = '';
  /** @internal */
  readonly mapContainer: Ref<HTMLDivElement> = createRef();

  private editingFromCheck = false;
  private restoredFor = '';
  private attributeDraft: Record<string, string | string[]> = {};
  private formDefinition: Open311ServiceDefinition | undefined;
  private placeMap: PlaceMap | undefined;
  private placeMapLoading = false;
  private focusHeading = false;
  private contactPrefilled = false;

  /** @internal The category chosen, when the list has loaded. */
  get selectedService(): Open311Service | undefined {
    const code = this.categoryForm.values.serviceCode;
    return code ? this.services.value?.find((service) => service.service_code === code) : undefined;
  }

  /** @internal Every answer, from all the pages' forms. */
  get answers(): Answers {
    const position = this.placeForm.values.position;
    const attributes: Answers['attributes'] = { ...this.attributeDraft };
    for (const attribute of this.formDefinition?.attributes ?? []) {
      const value = this.detailsForm.values[attributeField(attribute.code)];
      if (typeof value === 'string' || Array.isArray(value)) attributes[attribute.code] = value as string | string[];
    }
    return {
      ...emptyAnswers(),
      serviceCode: this.categoryForm.values.serviceCode,
      address: this.placeForm.values.address,
      lat: position?.lat,
      long: position?.long,
      description: this.detailsForm.values.description as string,
      attributes,
      ...this.contactForm.values,
    };
  }

  /** @internal The question pages answered, for the step counter. */
  get nearbyCount(): number {
    return this.nearbyReports.length;
  }

  /** The form of the details page: description, plus the chosen category's extra questions. */
  private makeDetailsForm(definition: Open311ServiceDefinition | undefined, previous: Record<string, unknown>) {
    const attributes = (definition?.attributes ?? []).filter((attribute) => attribute.variable);
    const initial: Record<string, unknown> = { description: typeof previous.description === 'string' ? previous.description : '' };
    const rules: FormRules<Record<string, unknown>> = {
      description: {
        required: () => msg('Beskriv vad som är fel'),
        validate: validateDescription,
      },
    };
    for (const attribute of [...attributes].sort((a, b) => a.order - b.order)) {
      const name = attributeField(attribute.code);
      const saved = previous[name] ?? this.attributeDraft[attribute.code];
      initial[name] = attribute.datatype === 'multivaluelist' ? (Array.isArray(saved) ? saved : []) : typeof saved === 'string' ? saved : '';
      rules[name] = {
        ...(attribute.required ? { required: () => requiredMessage(attribute) } : {}),
        ...(attribute.datatype === 'number'
          ? { validate: (value: unknown) => (typeof value === 'string' && !Number.isFinite(Number(value.replace(',', '.'))) ? msg('Skriv ett tal') : undefined) }
          : attribute.datatype === 'string' || attribute.datatype === 'text'
            ? { validate: validateAttributeText }
            : {}),
      };
    }
    return new FormController(this, { initial, rules, idFor: (name) => fieldId(name), onChange: () => this.persist() });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.restoredFor = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyMap();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.kommun && this.restoredFor !== this.kommun) this.restore();
    if (changed.has('reference') && this.reference) {
      this.followForm.setAll({ reference: this.reference });
      this.lookupReference = this.reference.trim().toUpperCase();
    }
    const definition = this.definition.value;
    if (definition && definition !== this.formDefinition && definition.service_code === this.categoryForm.values.serviceCode) {
      const previous = this.detailsForm.values;
      this.removeController(this.detailsForm);
      this.formDefinition = definition;
      this.detailsForm = this.makeDetailsForm(definition, previous);
    }
    if (this.steps.current === 'contact' && !this.contactPrefilled) void this.prefillContact();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusHeading) {
      this.focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('[data-kk-focus-target]')?.focus();
    }
    this.syncMap();
  }

  /** Restores the draft of this kommun, once per kommun. */
  private restore(): void {
    this.restoredFor = this.kommun;
    const draft = loadDraft(this.kommun);
    if (!draft) return;
    const { answers } = draft;
    this.attributeDraft = answers.attributes;
    this.categoryForm.setAll({ serviceCode: answers.serviceCode });
    this.placeForm.setAll({ address: answers.address, position: hasPosition(answers) ? { lat: answers.lat!, long: answers.long! } : null });
    this.detailsForm.setAll({ description: answers.description });
    this.contactForm.setAll({ firstName: answers.firstName, lastName: answers.lastName, email: answers.email, phone: answers.phone });
    this.photosLost = draft.hadPhotos;
    const path = restorePath(draft.path, answers).filter((step) => step !== 'nearby');
    this.steps.reset(path, false);
  }

  /** Saves what the citizen has typed so far (not after the report has been filed). */
  private persist(): void {
    if (!this.kommun || this.steps.current === 'confirmation') return;
    saveDraft(this.kommun, { answers: this.answers, path: [...this.steps.path], hadPhotos: this.photos.photos.length > 0 || this.photosLost });
  }

  private async prefillContact(): Promise<void> {
    this.contactPrefilled = true;
    const { values } = this.contactForm;
    if (values.firstName || values.lastName) return;
    try {
      const user = await this.client?.auth.load();
      if (user && !this.contactForm.values.firstName && !this.contactForm.values.lastName) {
        this.contactForm.setAll({ firstName: user.givenName, lastName: user.familyName });
        this.persist();
      }
    } catch {
      // Not knowing who is logged in only means the fields start empty.
    }
  }

  /** @internal Goes to the page after `step`, or back to check answers when changing an answer from there. */
  advance(step: Step): void {
    if (this.editingFromCheck && step !== 'place') {
      this.editingFromCheck = false;
      this.steps.go('check');
      return;
    }
    this.steps.go(next(step, { nearbyCount: this.nearbyCount }));
  }

  /** @internal "Ändra" on check answers. */
  change(step: Step): void {
    this.editingFromCheck = true;
    this.steps.go(step);
  }

  /** @internal The place page's submit: finds open reports nearby in the category before going on. */
  async submitPlace(): Promise<void> {
    if (!this.placeForm.submit()) return;
    const position = this.placeForm.values.position;
    this.nearbyReports = [];
    if (position && this.client) {
      this.busy = true;
      try {
        const found = await felanmalanFor(this.client).nearby({ lat: position.lat, long: position.long, serviceCode: this.categoryForm.values.serviceCode });
        this.nearbyReports = found.slice(0, 5);
      } catch {
        // Showing reports nearby is a help, not a requirement: carry on without them.
      } finally {
        this.busy = false;
      }
    }
    if (this.editingFromCheck && this.nearbyCount === 0) {
      this.editingFromCheck = false;
      this.steps.go('check');
    } else this.steps.go(next('place', { nearbyCount: this.nearbyCount }));
  }

  /** @internal Sets or clears the pin, from the map or the citizen's position. */
  setPosition(position: Position): void {
    this.placeForm.set('position', position);
    if (position && this.placeForm.errors.address) this.placeForm.blur('address');
  }

  /** @internal "Använd min position". */
  useMyPosition(): void {
    if (!('geolocation' in navigator)) {
      this.positionMessage = { tone: 'error', text: msg('Din webbläsare kan inte ge din position. Skriv platsen i stället.') };
      return;
    }
    this.positionMessage = { tone: 'info', text: msg('Hämtar din position…') };
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        this.setPosition({ lat: Math.round(coords.latitude * 1e6) / 1e6, long: Math.round(coords.longitude * 1e6) / 1e6 });
        this.positionMessage = { tone: 'info', text: msg('Din position är vald som plats.') };
      },
      () => {
        this.positionMessage = { tone: 'error', text: msg('Vi kunde inte hämta din position. Skriv platsen i stället, eller välj den på kartan.') };
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  }

  /** @internal Adds chosen photos, downscaled. */
  async addPhotos(files: File[]): Promise<void> {
    this.photoError = undefined;
    this.photosLost = false;
    const { unreadable, tooMany } = await this.photos.add(files);
    if (unreadable.length > 0) this.photoError = msg('Bilden gick inte att läsa. Välj en bild i formatet JPEG, PNG eller WebP.');
    else if (tooMany) this.photoError = msg('Du kan lägga till högst 3 bilder');
    this.persist();
  }

  /** @internal Files the report. */
  async submitReport(): Promise<void> {
    if (this.busy || !this.client) return;
    this.busy = true;
    this.submitError = undefined;
    const answers = this.answers;
    try {
      const report = await felanmalanFor(this.client).submit(toReport(answers), { photos: this.photos.photos.map((photo) => photo.blob) });
      this.submitted = report;
      clearDraft(this.kommun);
      this.steps.go('confirmation');
      this.emit('kk-report-submitted', { reference: report.reference, serviceCode: answers.serviceCode });
    } catch (error) {
      this.showSubmitError(error);
    } finally {
      this.busy = false;
    }
  }

  private showSubmitError(error: unknown): void {
    if (error instanceof ApiError && error.fieldErrors.size > 0) {
      const fields = [...error.fieldErrors].map(([pointer, detail]) => [pointer.split('/').pop() ?? '', detail] as const);
      const step = stepForField(fields[0]![0]);
      this.editingFromCheck = true;
      this.steps.go(step);
      const errors: Record<string, string> = {};
      for (const [field, detail] of fields) {
        if (stepForField(field) !== step) continue;
        const attribute = /^attribute\[(.+?)\]/.exec(field)?.[1];
        if (attribute) errors[attributeField(attribute)] = detail;
        else if (field === 'media') this.photoError = detail;
        else if (field === 'first_name') errors.firstName = detail;
        else if (field === 'last_name') errors.lastName = detail;
        else if (field === 'lat' || field === 'long' || field === 'address_string') errors.address = detail;
        else errors[field === 'service_code' ? 'serviceCode' : field] = detail;
      }
      if (step === 'category') this.categoryForm.setErrors(errors);
      else if (step === 'place') this.placeForm.setErrors(errors);
      else if (step === 'contact') this.contactForm.setErrors(errors);
      else this.detailsForm.setErrors(errors);
      return;
    }
    if (error instanceof ApiError && error.status < 500 && error.status !== 429) this.submitError = error.detail ?? error.title;
    else this.submitError = msg('Det gick inte att skicka anmälan just nu. Dina svar finns kvar. Försök igen om en stund.');
  }

  /** @internal "Gör en ny felanmälan": a fresh start, nothing of the last report kept. */
  startOver(): void {
    this.categoryForm.setAll({ serviceCode: '' });
    this.placeForm.setAll({ address: '', position: null });
    this.attributeDraft = {};
    this.removeController(this.detailsForm);
    this.formDefinition = undefined;
    this.detailsForm = this.makeDetailsForm(undefined, {});
    this.contactForm.setAll({ firstName: '', lastName: '', email: '', phone: '' });
    this.contactPrefilled = false;
    this.photos.clear();
    this.photosLost = false;
    this.photoError = undefined;
    this.submitError = undefined;
    this.submitted = undefined;
    this.nearbyReports = [];
    this.search = '';
    this.view = 'anmal';
    this.steps.reset(['category']);
  }

  /** @internal Switches between filing and following, with focus on the new view's heading. */
  showView(view: View, reference = ''): void {
    this.view = view;
    if (reference) {
      this.followForm.setAll({ reference });
      this.lookupReference = reference;
    }
    this.focusHeading = true;
  }

  /** @internal The follow form's submit. */
  submitFollow(): void {
    if (!this.followForm.submit()) return;
    const wanted = this.followForm.values.reference.trim().toUpperCase();
    if (wanted === this.lookupReference) void this.lookup.run();
    else this.lookupReference = wanted;
  }

  private syncMap(): void {
    const container = this.mapContainer.value;
    const settings = this.mapSettings.value;
    if (this.view !== 'anmal' || this.steps.current !== 'place' || !container || !settings) {
      this.destroyMap();
      return;
    }
    const position = this.placeForm.values.position ?? undefined;
    if (this.placeMap) {
      this.placeMap.setPosition(position);
      return;
    }
    if (this.placeMapLoading) return;
    this.placeMapLoading = true;
    void import('./map/map.js')
      .then(({ createMap }) =>
        createMap(container, {
          ...settings,
          position,
          label: msg('Karta där du kan välja platsen'),
          pinLabel: msg('Vald plats'),
          onMove: (lat, long) => this.setPosition({ lat, long }),
        }),
      )
      .then((map) => {
        this.placeMapLoading = false;
        if (this.mapContainer.value === container && container.isConnected) this.placeMap = map;
        else map.destroy();
      })
      .catch(() => {
        // Without the map the place is given in words, which always works.
        this.placeMapLoading = false;
      });
  }

  private destroyMap(): void {
    this.placeMap?.destroy();
    this.placeMap = undefined;
  }

  override render(): TemplateResult {
    if (this.view === 'folj') return renderFollow(this);
    switch (this.steps.current) {
      case 'category':
        return renderCategory(this);
      case 'place':
        return renderPlace(this);
      case 'nearby':
        return renderNearby(this);
      case 'details':
        return renderDetails(this);
      case 'contact':
        return renderContact(this);
      case 'check':
        return renderCheck(this);
      case 'confirmation':
        return renderConfirmation(this);
    }
  }
}

function requiredMessage(attribute: Open311Attribute): string {
  const question = attribute.description;
  return attribute.datatype === 'singlevaluelist' || attribute.datatype === 'multivaluelist'
    ? msg(str`Välj ett svar på frågan: ${question}`)
    : msg(str`Svara på frågan: ${question}`);
}
