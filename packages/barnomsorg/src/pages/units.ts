import { msg, str } from '@kommunkit/ui';
import { alert, button, continueButton, select, spinner, textField } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { fieldIdOf } from './ids.js';
import { flowPage, subHeading } from './common.js';
import type { RankedItem, UnitItem, UnitsView } from './types.js';

/** A button whose visible text is short and whose name says which unit it is about. */
const unitButton = (id: string, label: string, unit: string, onClick: () => void, variant: 'secondary' | 'link' = 'secondary'): TemplateResult =>
  html`<button type="button" id=${id} class=${variant === 'link' ? 'kk-link-button' : 'kk-button kk-button--secondary'} @click=${onClick}>
    ${label}<span class="kk-visually-hidden">: ${unit}</span>
  </button>`;

function rankedList(view: UnitsView): TemplateResult {
  const { units, ranked } = view;
  const error = units.error;
  return html`<div class="kk-field ${error ? 'kk-field--error' : ''}">
    <div id=${units.id} tabindex="-1" class="kk-bo-ranked-heading">${subHeading(view, msg('Dina val'))}</div>
    ${error ? html`<p class="kk-error-message" id="${units.id}-error"><span class="kk-visually-hidden">${msg('Fel:')}</span> ${error}</p>` : nothing}
    ${ranked.length === 0
      ? html`<p class="kk-hint">${msg('Du har inte valt någon ännu. Välj i listan nedan.')}</p>`
      : html`<ol class="kk-bo-ranked" aria-describedby=${error ? `${units.id}-error` : nothing}>
          ${ranked.map((item: RankedItem, index) => html`<li class="kk-bo-ranked__item">
            <span class="kk-bo-ranked__name"><span class="kk-visually-hidden">${msg(str`Val ${index + 1}:`)}</span> ${item.name}</span>
            <span class="kk-bo-ranked__actions">
              ${item.onUp ? unitButton(fieldIdOf(`rank-${item.id}-up`), msg('Flytta upp'), item.name, item.onUp) : nothing}
              ${item.onDown ? unitButton(fieldIdOf(`rank-${item.id}-down`), msg('Flytta ner'), item.name, item.onDown) : nothing}
              ${unitButton(fieldIdOf(`rank-${item.id}-remove`), msg('Ta bort'), item.name, item.onRemove, 'link')}
            </span>
          </li>`)}
        </ol>`}
  </div>`;
}

function unitItem(view: UnitsView, unit: UnitItem): TemplateResult {
  return html`<li class="kk-bo-unit" id=${fieldIdOf(`unit-${unit.id}`)} tabindex="-1">
    ${subHeading(view, unit.name)}
    <dl class="kk-bo-facts">
      <div><dt>${msg('Område')}</dt><dd>${unit.area}</dd></div>
      <div><dt>${msg('Adress')}</dt><dd>${unit.address}</dd></div>
      <div><dt>${msg('Inriktning')}</dt><dd>${unit.profile}</dd></div>
      <div><dt>${msg('Öppettider')}</dt><dd>${unit.openingHours}</dd></div>
      <div><dt>${msg('Ålder')}</dt><dd>${unit.ages}</dd></div>
      ${unit.freePlaces ? html`<div><dt>${msg('Lediga platser')}</dt><dd>${unit.freePlaces}</dd></div>` : nothing}
    </dl>
    ${unit.rank !== undefined
      ? html`<p class="kk-bo-unit__chosen"><strong>${msg(str`Ditt val nummer ${unit.rank}`)}</strong></p>
          ${unit.onUnrank ? unitButton(fieldIdOf(`pick-${unit.id}`), msg('Ta bort från dina val'), unit.name, unit.onUnrank) : nothing}`
      : unit.onRank
        ? unitButton(fieldIdOf(`pick-${unit.id}`), msg('Lägg till i dina val'), unit.name, unit.onRank)
        : nothing}
  </li>`;
}

/**
 * Page: the units, ranked. Search and the area filter narrow the list as the guardian types; each
 * unit is added last among the choices, and the choices are reordered with "Flytta upp" and
 * "Flytta ner" (buttons, so the keyboard and every assistive technology can), each change said
 * in a live region. The map is an aid beside the list, which says the same.
 */
export function unitsPage(view: UnitsView): TemplateResult {
  const title = msg(str`Var vill du att barnet ska få plats?`);
  const { results } = view;
  const full = view.ranked.length >= view.max;
  return flowPage(
    view,
    title,
    html`<p>${msg(str`Välj upp till ${view.max} i den ordning du helst vill ha dem. Ditt första val är det du helst vill ha.`)}</p>
      ${rankedList(view)}
      <p class="kk-visually-hidden" role="status">${view.announcement}</p>
      ${subHeading(view, msg(str`${view.typeLabel} i kommunen`))}
      <div class="kk-bo-filters" role="search">
        ${textField({ id: view.search.id, name: 'q', label: msg('Sök på namn, adress eller inriktning'), type: 'search', value: view.search.value, optional: true, onInput: view.search.onInput })}
        ${select({ id: view.area.id, name: 'area', label: msg('Område'), value: view.area.value, placeholder: msg('Alla områden'), choices: view.area.choices, optional: true, onChange: view.area.onChange })}
      </div>
      ${view.map
        ? html`<p>${button({ label: view.map.shown ? msg('Dölj kartan') : msg('Visa på karta'), variant: 'secondary', onClick: view.map.onToggle })}</p>
            ${view.map.shown ? (view.map.failed ? alert({ tone: 'error', body: html`<p>${msg('Kartan kunde inte visas. Listan nedan visar samma enheter.')}</p>` }) : (view.map.panel ?? spinner({ label: msg('Hämtar kartan…') }))) : nothing}`
        : nothing}
      ${results.state === 'loading'
        ? spinner({ label: msg('Hämtar enheterna…') })
        : results.state === 'error'
          ? html`${alert({ tone: 'error', body: html`<p>${msg('Vi kunde inte hämta enheterna just nu.')}</p>` })}
            ${button({ label: msg('Försök igen'), variant: 'secondary', onClick: results.retry })}`
          : html`<p role="status" class="kk-hint">${results.value.items.length === results.value.total
                ? msg(str`${results.value.total} enheter`)
                : msg(str`${results.value.items.length} av ${results.value.total} enheter matchar`)}</p>
              ${full ? html`<p class="kk-hint">${msg(str`Du har valt ${view.max}, så många som du kan. Ta bort ett val om du vill välja en annan.`)}</p>` : nothing}
              <ul class="kk-bo-units">${results.value.items.map((unit) => unitItem(view, unit))}</ul>`}
      ${continueButton()}`,
    view.onSubmit,
  );
}
