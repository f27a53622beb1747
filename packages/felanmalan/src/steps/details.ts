import { msg } from '@lit/localize';
import { alert, button, checkboxes, continueButton, dateField, errorSummary, fileField, radios, select, spinner, textarea, textField, type Choice } from '@kommunkit/ui';
import { maxPhotos } from '@kommunkit/contract/felanmalan-rules';
import type { Open311Attribute } from '@kommunkit/sdk/felanmalan';
import { html, nothing, type TemplateResult } from 'lit';
import { attributeField, fieldId, type KkFelanmalan } from '../felanmalan.js';
import { photoTypes } from '../photos.js';
import { pageForm, pageTop } from './common.js';

function attributeControl(host: KkFelanmalan, attribute: Open311Attribute): TemplateResult {
  const form = host.detailsForm;
  const name = attributeField(attribute.code);
  const bound = form.bind(name);
  const common = { id: bound.id, name, label: attribute.description, error: bound.error, optional: !attribute.required, ...(attribute.datatype_description ? { hint: attribute.datatype_description } : {}) };
  const choices: Choice[] = (attribute.values ?? []).map((value) => ({ value: value.key, label: value.name }));
  const text = typeof bound.value === 'string' ? bound.value : '';
  switch (attribute.datatype) {
    case 'singlevaluelist':
      return choices.length > 6
        ? select({ ...common, choices, value: text, onChange: (value) => form.set(name, value), onBlur: bound.onBlur })
        : radios({ ...common, choices, value: text, onChange: (value) => form.set(name, value) });
    case 'multivaluelist':
      return checkboxes({ ...common, choices, value: Array.isArray(bound.value) ? (bound.value as string[]) : [], onChange: (value) => form.set(name, value) });
    case 'text':
      return textarea({ ...common, value: text, rows: 3, onInput: (value) => form.set(name, value), onBlur: bound.onBlur });
    case 'datetime':
      return dateField({ ...common, value: text, onInput: (value) => form.set(name, value), onBlur: bound.onBlur });
    case 'number':
      return textField({ ...common, value: text, inputmode: 'decimal', width: 10, onInput: (value) => form.set(name, value), onBlur: bound.onBlur });
    case 'string':
      return textField({ ...common, value: text, width: 20, onInput: (value) => form.set(name, value), onBlur: bound.onBlur });
  }
}

function photoList(host: KkFelanmalan): TemplateResult | typeof nothing {
  const { photos } = host.photos;
  if (photos.length === 0) return nothing;
  return html`<ul class="kk-photos" part="photos" aria-label=${msg('Tillagda bilder')}>
    ${photos.map(
      (photo) => html`<li>
        <img src=${photo.url} alt="" />
        ${button({
          label: `${msg('Ta bort')} ${photo.name}`,
          variant: 'secondary',
          onClick: () => {
            host.photos.remove(photo.id);
            host.shadowRoot?.getElementById(fieldId('photos'))?.focus();
          },
        })}
      </li>`,
    )}
  </ul>`;
}

/** Page: what is wrong, the category's extra questions, and photos. */
export function renderDetails(host: KkFelanmalan): TemplateResult {
  const form = host.detailsForm;
  const summary = [...form.summary(), ...(host.photoError ? [{ id: fieldId('photos'), message: host.photoError }] : [])];
  const attributes = host.definition.render({
    pending: () => spinner({ label: msg('Hämtar frågorna…') }),
    error: () => alert({ tone: 'warning', body: msg('Det gick inte att hämta kategorins frågor. Beskriv felet så noga du kan i stället.') }),
    complete: (definition) =>
      definition.attributes
        .filter((attribute) => attribute.variable)
        .sort((a, b) => a.order - b.order)
        .map((attribute) => attributeControl(host, attribute)),
  });
  const description = form.values.description as string;
  return html`${pageTop(host, msg('Beskriv felet'))}
    ${pageForm(
      () => {
        if (form.submit() && !host.photos.busy) host.advance('details');
      },
      html`${errorSummary({ errors: summary, headingLevel: host.headingLevel })}
        ${host.photosLost
          ? alert({ tone: 'info', body: msg('Bilder sparas inte när sidan laddas om. Lägg till dem igen om du vill skicka med bilder.') })
          : nothing}
        ${textarea({
          ...form.bind('description'),
          value: description,
          label: msg('Vad är fel?'),
          hint: msg(
            'Beskriv felet och hur länge det har funnits. Beskrivningen visas öppet för alla, så skriv inte namn eller andra personuppgifter här.',
          ),
          rows: 6,
          onInput: (value) => form.set('description', value),
        })}
        ${attributes}
        ${fileField({
          id: fieldId('photos'),
          name: 'photos',
          label: msg('Bilder'),
          hint: msg('Högst 3 bilder i formatet JPEG, PNG eller WebP. Bilderna visas öppet med anmälan. De sparas inte om du laddar om sidan.'),
          optional: true,
          accept: photoTypes.join(','),
          multiple: true,
          error: host.photoError,
          disabled: host.photos.photos.length >= maxPhotos,
          onFiles: (files) => void host.addPhotos(files),
        })}
        <div role="status">${host.photos.busy ? msg('Förbereder bilderna…') : nothing}</div>
        ${photoList(host)} ${continueButton()}`,
    )}`;
}
