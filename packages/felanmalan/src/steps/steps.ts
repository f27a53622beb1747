import { loadable, msg, str } from '@kommunkit/ui';
import { plural, questionFields, type SummaryRow } from '@kommunkit/ui';
import { html, type TemplateResult } from 'lit';
import { maxDescriptionLength } from '@kommunkit/contract/felanmalan-rules';
import { hasPosition } from '../answers.js';
import { fieldId, type FelanmalanController } from '../controller.js';
import { checkPage } from '../pages/check.js';
import { contactPage } from '../pages/contact.js';
import { detailsPage } from '../pages/details.js';
import type { CheckView, ContactView, DetailsView } from '../pages/types.js';
import { photoTypes } from '../photos.js';
import { questionsOf } from '../questions.js';
import type { Step } from '../types.js';
import { frame, placeText, type ViewContext } from '../views.js';
import { urgentPhoneOf } from './urgent.js';

/*
 * The pages after the place (details, contact, check answers), a chunk of their own: the first
 * two pages show without them, and the element asks for this chunk while the citizen is on the
 * place page, so it is there when they go on.
 */

function detailsView(c: FelanmalanController, context: ViewContext): DetailsView {
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
        c.host.renderRoot.querySelector<HTMLElement>(`#${photosId}`)?.focus();
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

/** The page of the flow the citizen is on, from the details page on. */
export function render(c: FelanmalanController, context: ViewContext): TemplateResult | undefined {
  switch (c.flow.current) {
    case 'details':
      return detailsPage(detailsView(c, context));
    case 'contact':
      return contactPage(contactView(c, context));
    case 'check':
      return checkPage(checkView(c, context));
    default:
      return undefined;
  }
}

/** Styles beyond the element's own: none. */
export const styles = [];
