import { msg, str } from '@kommunkit/ui';
import { alert, button, continueButton, errorId, inlineError, plural, radios, textField } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { flowPage, loading } from './common.js';
import type { CategoryGroup, CategoryView } from './types.js';

/** Enter in the search box only searches (the list filters as one types); it does not send the page. */
const searchOnEnter = (event: KeyboardEvent): void => {
  if (event.key === 'Enter' && (event.target as HTMLElement).localName === 'input') event.preventDefault();
};

function matchText(matches: number | undefined): unknown {
  if (matches === undefined) return nothing;
  if (matches === 0) return msg('Ingen kategori matchar sökningen. Prova ett annat ord, eller töm sökrutan och välj bland alla kategorier.');
  return plural(matches, { one: msg(str`${matches} kategori matchar sökningen`), other: msg(str`${matches} kategorier matchar sökningen`) });
}

/**
 * The categories: one question in a fieldset per group. An error marks the whole question, as
 * GOV.UK marks a radio group: one message above every group, each option invalid and
 * described by it (the summary's link lands on the first option).
 */
function categoryGroups(view: CategoryView, groups: readonly CategoryGroup[]): TemplateResult {
  const { category } = view;
  const error = category.error ? errorId(category.id) : undefined;
  const fieldsets = groups.map((group) =>
    radios({ ...category, id: group.id, label: group.label, error: undefined, ...(error ? { invalidBy: error } : {}), choices: group.choices }),
  );
  return error ? html`<div class="kk-field kk-field--error">${inlineError(category)}${fieldsets}</div>` : html`${fieldsets}`;
}

/** Page 1: what is wrong. Search and groups; a category the kommun does not handle says where to turn. */
export function categoryPage(view: CategoryView): TemplateResult {
  const follow = html`<p>
    <button type="button" class="kk-link-button" @click=${view.onFollow}>${msg('Följ ett ärende du redan har anmält')}</button>
  </p>${view.onMine ? html`<p><button type="button" class="kk-link-button" @click=${view.onMine}>${msg('Mina anmälningar')}</button></p>` : nothing}`;
  const { categories } = view;
  if (categories.state !== 'ready' || categories.value.none) {
    const content =
      categories.state === 'loading'
        ? loading(msg('Hämtar kategorier…'))
        : categories.state === 'error'
          ? html`${alert({
                tone: 'error',
                title: msg('Det gick inte att hämta kategorierna'),
                headingLevel: view.headingLevel,
                body: msg('Tjänsten svarar inte just nu. Försök igen om en stund.'),
              })}
              ${button({ label: msg('Försök igen'), variant: 'secondary', onClick: categories.retry })}`
          : alert({ tone: 'info', body: msg('Det går inte att göra felanmälningar här just nu. Kontakta kommunen på annat sätt.') });
    return flowPage({ ...view, errors: [] }, msg('Vad vill du anmäla?'), html`${follow}${content}`);
  }
  const { search } = view;
  return flowPage(
    view,
    msg('Vad vill du anmäla?'),
    html`${follow}
      <div @keydown=${searchOnEnter}>
        ${textField({
          id: search.id,
          name: 'search',
          label: msg('Sök kategori'),
          hint: msg('Till exempel gatlampa, hål i vägen eller klotter'),
          type: 'search',
          optional: true,
          value: search.value,
          onInput: search.onInput,
        })}
      </div>
      <p class="kk-hint" role="status">${matchText(search.matches)}</p>
      ${categoryGroups(view, categories.value.groups)}
      ${view.handoffNote
        ? alert({ tone: 'warning', title: msg('Det här sköter inte kommunen'), headingLevel: view.headingLevel, body: view.handoffNote })
        : continueButton()}`,
    view.onSubmit,
  );
}
