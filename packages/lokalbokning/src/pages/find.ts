import { alert, button, checkboxes, dateField, heading, msg, pager, plural, questionPage, select, spinner, str, subLevel, textField, type HeadingLevel } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import type { FindView, ResultItem, ResultsMapView } from './types.js';

export const resultsHeadingId = 'kk-lok-results-heading';
export const resultsMapId = 'kk-lok-results-map';

/**
 * "Visa på karta" and the map under it. The list below stays as it is: the map is an aid for
 * those who see it, and the list says the same to everyone.
 */
function resultsMap(map: ResultsMapView): TemplateResult {
  return html`<p>
      <button type="button" class="kk-button kk-button--secondary kk-lok-map-toggle" aria-expanded=${map.shown ? 'true' : 'false'} aria-controls=${resultsMapId} @click=${map.onToggle}>
        ${map.shown ? msg('Dölj kartan') : msg('Visa på karta')}
      </button>
    </p>
    <div class="kk-lok-map" id=${resultsMapId} ?hidden=${!map.shown}>
      ${map.shown
        ? map.failed
          ? html`<p class="kk-lok-map-failed">${msg('Kartan kunde inte visas just nu. Listan nedan visar samma lokaler.')}</p>`
          : (map.panel ?? spinner({ label: msg('Hämtar kartan…') }))
        : nothing}
    </div>`;
}

function result(view: FindView, item: ResultItem): TemplateResult {
  return html`<li class="kk-lok-result">
    ${heading({ level: subLevel(subLevel(view.headingLevel)), className: 'kk-heading kk-lok-result__name' }, item.name)}
    <p>${item.summary}</p>
    <dl class="kk-lok-facts">
      ${item.facts.map((fact) => html`<div><dt>${fact.label}</dt><dd>${fact.value}</dd></div>`)}
    </dl>
    <button type="button" class="kk-button kk-button--secondary" @click=${item.onOpen}>
      ${msg('Visa lokal och lediga tider')}<span class="kk-visually-hidden">: ${item.name}</span>
    </button>
  </li>`;
}

/** What the results section holds now: a spinner, an error, or the lokaler found. */
function resultsBody(view: FindView, level: HeadingLevel): TemplateResult {
  const r = view.results;
  if (r.state === 'loading') return spinner({ label: msg('Söker lokaler…') });
  if (r.state === 'error')
    return alert({
      tone: 'error',
      title: msg('Vi kunde inte hämta lokalerna'),
      headingLevel: subLevel(level),
      body: html`<p>${msg('Försök igen om en stund.')}</p>${button({ label: msg('Försök igen'), variant: 'secondary', onClick: r.retry })}`,
    });
  const { items, total } = r.value;
  const count = plural(total, { one: msg(str`${total} lokal hittades`), other: msg(str`${total} lokaler hittades`) });
  return html`<p role="status" class="kk-lok-count">${count}</p>
    ${r.value.map && items.length > 0 ? resultsMap(r.value.map) : nothing}
    ${items.length === 0
      ? html`<p>${msg('Ingen lokal passar din sökning. Ta bort något filter eller välj en annan tid.')}</p>`
      : html`<ul class="kk-lok-results">
          ${items.map((item) => result(view, item))}
        </ul>`}
    ${pager({ page: r.value.page, pageCount: r.value.pageCount, onPage: r.value.onPage, focus: r.value.focus })}`;
}

/**
 * The results under one heading that stays while the next page loads: the pager moves the focus
 * to it, and Lit keeps the element only if every state renders it.
 */
function results(view: FindView): TemplateResult {
  const level = subLevel(view.headingLevel);
  return html`<section aria-labelledby=${resultsHeadingId}>
    ${heading({ level, className: 'kk-heading kk-group-heading', id: resultsHeadingId, focusTarget: true }, msg('Lokaler'))}
    ${resultsBody(view, level)}
  </section>`;
}

/** Page: find a lokal by type, size, accessibility and a time it is free. */
export function findPage(view: FindView): TemplateResult {
  return html`${questionPage({
      headingLevel: view.headingLevel,
      title: msg('Boka lokal'),
      errors: view.errors,
      onSubmit: view.onSearch,
      content: html`${view.onMine ? html`<p><button type="button" class="kk-link-button" @click=${view.onMine}>${msg('Mina bokningar')}</button></p>` : nothing}
        <div class="kk-lok-filters">
          ${select({ ...view.type, label: msg('Typ av lokal'), choices: view.typeOptions, placeholder: msg('Alla typer'), optional: true })}
          ${textField({ ...view.minCapacity, label: msg('Antal personer'), hint: msg('Minst så många ska få plats'), optional: true, inputmode: 'numeric', width: 5 })}
          ${checkboxes({ ...view.facts, label: msg('Tillgänglighet'), choices: view.factOptions, optional: true })}
          <fieldset class="kk-fieldset">
            <legend class="kk-legend">${msg('Ledig')} <span class="kk-optional">${msg('(valfritt)')}</span></legend>
            <div class="kk-hint">${msg('Visa bara lokaler som är lediga hela den här tiden')}</div>
            ${dateField({ ...view.date, label: msg('Datum') })}
            ${textField({ ...view.fromTime, label: msg('Från klockan'), hint: msg('Till exempel 18:00'), width: 5 })}
            ${textField({ ...view.toTime, label: msg('Till klockan'), hint: msg('Till exempel 20:00'), width: 5 })}
          </fieldset>
        </div>
        ${button({ label: msg('Sök lokaler'), type: 'submit' })}`,
    })}
    ${results(view)}`;
}
