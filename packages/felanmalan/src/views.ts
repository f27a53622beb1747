import { msg, str } from '@lit/localize';
import { draftNotices, plural, questionFields, type HeadingLevel, type SummaryRow } from '@kommunkit/ui';
import { html } from 'lit';
import type { Ref } from 'lit/directives/ref.js';
import { maxDescriptionLength } from '@kommunkit/contract/felanmalan-rules';
import { groupServices, searchServices } from './categories.js';
import { fieldId, type FelanmalanController } from './controller.js';
import { hasPosition } from './answers.js';
import type { MapSettings } from './map/map.js';
import { photoTypes } from './photos.js';
import { questionsOf, urgentPhoneOf } from './questions.js';
import { loadable } from './loadable.js';
import type { Step } from './types.js';
import type {
  CategoryView,
  CheckView,
  ContactView,
  DetailsView,
  PageView,
  PlaceView,
  QuestionFrame,
} from './pages/types.js';

/** What the element adds to the controller: its heading level and where the map goes. */
export interface ViewContext {
  headingLevel: HeadingLevel;
  mapContainer: Ref<HTMLDivElement>;
}

const positionText = (lat: number, long: number): string => msg(str`Vald plats: ${lat.toFixed(5)}, ${long.toFixed(5)}`);

/** A chosen position as the citizen reads it: "Nära Storgatan 12", its coordinates when no address is near, '' while that is asked (`map/address.ts`). */
function placeText(c: FelanmalanController, lat: number, long: number): string {
  const label = c.places?.get(`${lat},${long}`);
  if (label === undefined) void import('./map/address.js').then((m) => m.nameOf(c, lat, long));
  return label ? msg(str`Nära ${label}`) : label === null ? positionText(lat, long) : '';
}

/** What every question page's view has. */
export function frame(c: FelanmalanController, context: ViewContext, errors: QuestionFrame['errors']): QuestionFrame {
  return {
    headingLevel: context.headingLevel,
    back: c.flow.canGoBack ? () => c.flow.back() : undefined,
    counter: c.flow.counter,
    errors,
    notices: draftNotices(c.draft, { headingLevel: context.headingLevel }),
  };
}

function categoryView(c: FelanmalanController, context: ViewContext): CategoryView {
  const form = c.categoryForm;
  const searching = c.search.trim() !== '';
  let matches: number | undefined;
  const chosen = c.selectedService;
  const categories = loadable(c.services, (services) => {
    const found = searchServices(services, c.search);
    matches = searching ? found.length : undefined;
    // The chosen category stays in view, so a later search never hides what would be sent.
    if (chosen && !found.includes(chosen)) found.unshift(chosen);
    return {
      none: services.length === 0,
      groups: groupServices(found).map(([group, list], index) => ({
        id: fieldId(`category-${index}`),
        label: group,
        choices: list.map((service) => ({ value: service.service_code, label: service.service_name, ...(service.description ? { hint: service.description } : {}) })),
      })),
    };
  });
  return {
    ...frame(c, context, form.summary()),
    page: 'category',
    categories,
    search: { id: fieldId('search'), value: c.search, onInput: (value) => c.setSearch(value), matches },
    category: form.bind('serviceCode'),
    handoffNote: chosen?.handoff_note,
    onSubmit: () => c.submitCategory(),
    onFollow: () => c.showView('folj'),
    onMine: c.options.client()?.auth.user ? () => c.showView('mina') : undefined,
  };
}

function placeView(c: FelanmalanController, context: ViewContext, map: MapSettings | undefined): PlaceView {
  const form = c.placeForm;
  const position = form.values.position;
  return {
    ...frame(c, context, form.summary()),
    page: 'place',
    address: form.bind('address'),
    position: position ? { text: placeText(c, position.lat, position.long), onClear: () => c.setPosition(null) } : undefined,
    onUseMyPosition: () => c.useMyPosition(),
    positionMessage: c.positionMessage,
    map: map ? { container: context.mapContainer, attribution: map.attribution } : undefined,
    searchingNearby: c.busy,
    onSubmit: () => void c.submitPlace(),
  };
}

function detailsView(c: FelanmalanController, context: ViewContext, focusPhotos: () => void): DetailsView {
  const form = c.detailsForm;
  const photosId = fieldId('photos');
  const errors = [...form.summary(), ...(c.photoError ? [{ id: photosId, message: c.photoError }] : [])];
  return {
    ...frame(c, context, errors),
    page: 'details',
    description: form.bind('description'),
    descriptionMax: maxDescriptionLength,
    questions: loadable(c.definition, (definition) => questionFields(form, questionsOf(definition))),
    urgentPhone: urgentPhoneOf(c.definition.value, form.values),
    photos: {
      id: photosId,
      max: c.photos.max,
      accept: photoTypes.join(','),
      error: c.photoError,
      busy: c.photos.busy,
      list: c.photos.photos.map(({ id, name, url }) => ({ id, name, url })),
      onFiles: (files) => void c.addPhotos(files),
      onRemove: (id) => {
        c.removePhoto(id);
        focusPhotos();
      },
    },
    onSubmit: () => c.submitDetails(),
  };
}

function contactView(c: FelanmalanController, context: ViewContext): ContactView {
  const form = c.contactForm;
  const auth = c.options.client()?.auth;
  return {
    ...frame(c, context, form.summary()),
    page: 'contact',
    firstName: form.bind('firstName'),
    lastName: form.bind('lastName'),
    email: form.bind('email'),
    phone: form.bind('phone'),
    // Logged in, the name comes from the profile; the login comes back to this page (the draft keeps it).
    onLogin: auth?.user === null ? () => auth.login() : undefined,
    onSubmit: () => c.submitContact(),
  };
}

function checkView(c: FelanmalanController, context: ViewContext): CheckView {
  const answers = c.answers;
  // While the report is being sent, "Ändra" and "Tillbaka" do nothing (the page says why): an
  // answer changed now would not be in the report, and success would leave it behind unnoticed.
  const unlessBusy = (action: () => void) => () => {
    if (!c.busy) action();
  };
  const change = (step: Step) => unlessBusy(() => c.flow.change(step));
  const base = frame(c, context, []);
  const place = [answers.address.trim(), hasPosition(answers) ? placeText(c, answers.lat!, answers.long!) : ''].filter(Boolean);
  const questionRows: SummaryRow[] = (c.definition.value?.attributes ?? [])
    .filter((attribute) => attribute.variable)
    .map((attribute) => {
      const value = answers.attributes[attribute.code];
      const keys = Array.isArray(value) ? value : value ? [value] : [];
      const names = keys.map((key) => attribute.values?.find((choice) => choice.key === key)?.name ?? key);
      return { key: attribute.description, value: names.join(', ') || msg('Inget svar'), onChange: change('details') };
    });
  const name = [answers.firstName, answers.lastName].filter((part) => part.trim()).join(' ');
  const photos = c.photos.photos.length;
  return {
    ...base,
    back: base.back ? unlessBusy(base.back) : undefined,
    page: 'check',
    rows: [
      { key: msg('Kategori'), value: c.selectedService?.service_name ?? answers.serviceCode, onChange: change('category') },
      { key: msg('Plats'), value: place.map((line) => html`${line}<br />`), onChange: change('place') },
      { key: msg('Beskrivning'), value: answers.description, onChange: change('details') },
      ...questionRows,
      { key: msg('Bilder'), value: photos === 0 ? msg('Inga bilder') : plural(photos, { one: msg(str`${photos} bild`), other: msg(str`${photos} bilder`) }), onChange: change('details') },
      { key: msg('Namn'), value: name || msg('Anonym'), onChange: change('contact') },
      { key: msg('E-postadress'), value: answers.email || msg('Ingen'), onChange: change('contact') },
      { key: msg('Telefonnummer'), value: answers.phone || msg('Inget'), onChange: change('contact') },
    ],
    submitError: c.submitError,
    busy: c.busy,
    onSubmit: () => void c.submitReport(),
  };
}

/** The view of the flow's page the citizen is on (the lazy features `follow/`, `nearby/`, `done/` and `mine/` build their own). */
export function viewOf(c: FelanmalanController, context: ViewContext & { focusPhotos: () => void }): PageView | undefined {
  switch (c.flow.current) {
    case 'category':
      return categoryView(c, context);
    case 'place':
      return placeView(c, context, c.kommun.info?.map);
    case 'details':
      return detailsView(c, context, context.focusPhotos);
    case 'contact':
      return contactView(c, context);
    case 'check':
      return checkView(c, context);
  }
}
