import { alert, button, checkboxes, dateField, heading, msg, pager, plural, questionPage, select, spinner, str, subLevel, textField } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import type { FindView, ResultItem } from './types.js';

export const resultsHeadingId = 'kk-lok-results-heading';

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

function results(view: FindView): TemplateResult {
  const r = view.results;
  const level = subLevel(view.headingLevel);
  if (r.state === 'loading') return spinner({ label: msg('Söker lokaler…') });
  if (r.state === 'error')
    return alert({
      tone: 'error',
      title: msg('Vi kunde inte hämta lokalerna'),
      headingLevel: level,
      body: html`<p>${msg('Försök igen om en stund.')}</p>${button({ label: msg('Försök igen'), variant: 'secondary', onClick: r.retry })}`,
    });
  const { items, total } = r.value;
  const count = plural(total, { one: msg(str`${total} lokal hittades`), other: msg(str`${total} lokaler hittades`) });
  return html`<section aria-labelledby=${resultsHeadingId}>
    ${heading({ level, className: 'kk-heading kk-group-heading', id: resultsHeadingId, focusTarget: true }, msg('Lokaler'))}
    <p role="status" class="kk-lok-count">${count}</p>
    ${items.length === 0
      ? html`<p>${msg('Ingen lokal passar din sökning. Ta bort något filter eller välj en annan tid.')}</p>`
      : html`<ul class="kk-lok-results">
          ${items.map((item) => result(view, item))}
        </ul>`}
    ${pager({ page: r.value.page, pageCount: r.value.pageCount, onPage: r.value.onPage, focus: r.value.focus })}
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
