import { msg, str } from '@kommunkit/ui';
import { alert, button, continueButton, fileField, plural, subLevel, textarea } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { flowPage, loading } from './common.js';
import type { DetailsView } from './types.js';

function photoList(photos: DetailsView['photos']): TemplateResult | typeof nothing {
  if (photos.list.length === 0) return nothing;
  return html`<ul class="kk-photos" part="photos" aria-label=${msg('Tillagda bilder')}>
    ${photos.list.map(
      (photo) => html`<li>
        <img src=${photo.url} alt="" />
        ${button({ label: `${msg('Ta bort')} ${photo.name}`, variant: 'secondary', onClick: () => photos.onRemove(photo.id) })}
      </li>`,
    )}
  </ul>`;
}

/**
 * An answer that means danger now ("Ja, det är farligt"): the citizen is told at once, as an
 * alert, to phone the kommun's number, with a link that dials it; the report can still be sent.
 */
function urgentCall(view: DetailsView): TemplateResult | typeof nothing {
  const phone = view.urgentPhone;
  if (!phone) return nothing;
  return alert({
    tone: 'warning',
    title: msg('Ring kommunen nu'),
    headingLevel: subLevel(view.headingLevel),
    body: html`<p>${msg(str`Ring ${phone} direkt, så att kommunen kan göra platsen säker. En anmälan här läses inte genast.`)}</p>
      <p><a class="kk-button kk-button--warning" href="tel:${phone.replace(/[^\d+]/g, '')}">${msg(str`Ring ${phone}`)}</a></p>
      <p>${msg('Är någon skadad eller i fara, ring 112.')}</p>`,
  });
}

/** Page: what is wrong, the category's extra questions, and photos. */
export function detailsPage(view: DetailsView): TemplateResult {
  const { photos, questions } = view;
  const asked =
    questions.state === 'loading'
      ? loading(msg('Hämtar frågorna…'))
      : questions.state === 'error'
        ? alert({ tone: 'warning', body: msg('Det gick inte att hämta kategorins frågor. Beskriv felet så noga du kan i stället.') })
        : questions.value;
  return flowPage(
    view,
    msg('Beskriv felet'),
    html`${textarea({
        ...view.description,
        label: msg('Vad är fel?'),
        hint: msg('Beskriv felet och hur länge det har funnits. Beskrivningen visas öppet för alla, så skriv inte namn eller andra personuppgifter här.'),
        rows: 6,
        count: { max: view.descriptionMax },
      })}
      ${asked} ${urgentCall(view)}
      ${fileField({
        id: photos.id,
        name: 'photos',
        label: msg('Bilder'),
        hint: `${plural(photos.max, { one: msg(str`Högst ${photos.max} bild`), other: msg(str`Högst ${photos.max} bilder`) })} ${msg(
          'i formatet JPEG, PNG eller WebP. Bilderna visas öppet med anmälan. De sparas inte om du laddar om sidan.',
        )}`,
        buttonLabel: msg('Välj bilder'),
        optional: true,
        accept: photos.accept,
        multiple: true,
        error: photos.error,
        disabled: photos.list.length >= photos.max,
        onFiles: photos.onFiles,
      })}
      <div role="status">${photos.busy ? msg('Förbereder bilderna…') : nothing}</div>
      ${photoList(photos)} ${continueButton()}`,
    view.onSubmit,
  );
}
