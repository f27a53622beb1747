import { alert, button, heading, msg, spinner, statusTag, subLevel } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import type { OverviewItem, OverviewView } from './types.js';

/** The rows of one list: each a button that opens the application or placement in the widget. */
function rows(items: readonly OverviewItem[], kind: 'application' | 'placement'): TemplateResult {
  return html`<ul class="kk-list__items" data-kk-bo-list=${kind}>
    ${items.map(
      (item) => html`<li class="kk-list__item">
        <button type="button" class="kk-list__row" data-kk-bo-row=${item.id} @click=${item.onOpen}>
          <span class="kk-list__title">${item.title}</span>
          <span class="kk-list__secondary">${item.secondary}</span>
          <span class="kk-list__secondary kk-bo-next ${item.action ? 'kk-bo-next--action' : ''}">${item.next}</span>
          <span class="kk-list__status">${statusTag(item.status)}</span>
        </button>
      </li>`,
    )}
  </ul>`;
}

function lists(view: OverviewView): unknown {
  const { overview } = view;
  const level = subLevel(view.headingLevel);
  if (overview.state === 'loading') return spinner({ label: msg('Hämtar dina ansökningar…') });
  if (overview.state === 'error')
    return alert({
      tone: 'error',
      title: msg('Det gick inte att hämta dina ansökningar'),
      headingLevel: level,
      body: html`<p>${msg('Tjänsten svarar inte just nu. Försök igen om en stund.')}</p>
        ${button({ label: msg('Försök igen'), variant: 'secondary', onClick: overview.retry })}`,
    });
  const { applications, placements } = overview.value;
  if (applications.length === 0 && placements.length === 0)
    return html`<p class="kk-list__empty">${msg('Du har inga ansökningar eller placeringar ännu. När du har skickat en ansökan visas den här.')}</p>`;
  return html`<section class="kk-bo-section" aria-labelledby="kk-bo-applications-title">
      ${heading({ level, id: 'kk-bo-applications-title' }, msg('Ansökningar'))}
      ${applications.length > 0 ? rows(applications, 'application') : html`<p class="kk-list__empty">${msg('Du har inga skickade ansökningar.')}</p>`}
    </section>
    ${placements.length > 0
      ? html`<section class="kk-bo-section" aria-labelledby="kk-bo-placements-title">
          ${heading({ level, id: 'kk-bo-placements-title' }, msg('Placeringar'))} ${rows(placements, 'placement')}
        </section>`
      : nothing}`;
}

/**
 * "Mina ansökningar och placeringar": the unsent application (utkast) to go on with, "Ansök om
 * plats", then the applications, each with its status and what happens next, and the placements.
 */
export function overviewPage(view: OverviewView): TemplateResult {
  return html`<div class="kk-bo-overview">
    <div data-kk-bo-heading>${heading({ level: view.headingLevel, id: 'kk-bo-overview-title', focusTarget: true }, msg('Mina ansökningar och placeringar'))}</div>
    ${view.draft
      ? html`<div class="kk-bo-inset kk-bo-draft">
          <p>${view.draft.text}</p>
          ${button({ label: msg('Fortsätt med ansökan'), onClick: view.draft.onResume })}
        </div>`
      : nothing}
    <div class="kk-bo-actions">${button({ label: msg('Ansök om plats'), variant: view.draft ? 'secondary' : 'primary', onClick: view.onApply })}</div>
    ${lists(view)}
  </div>`;
}
