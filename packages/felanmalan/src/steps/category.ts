import { msg, str } from '@lit/localize';
import { alert, button, continueButton, errorSummary, radios, spinner, textField } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { fieldId, type KkFelanmalan } from '../felanmalan.js';
import { groupServices, searchServices } from '../flow.js';
import { pageForm, pageTop } from './common.js';

/** Page 1: what is wrong. Search and groups; a category the kommun does not handle says where to turn. */
export function renderCategory(host: KkFelanmalan): TemplateResult {
  const form = host.categoryForm;
  const top = html`${pageTop(host, msg('Vad vill du anmäla?'))}
    <p>
      <button type="button" class="kk-link-button" @click=${() => host.showView('folj')}>${msg('Följ ett ärende du redan har anmält')}</button>
    </p>`;
  const content = host.services.render({
    initial: () => spinner({ label: msg('Hämtar kategorier…') }),
    pending: () => spinner({ label: msg('Hämtar kategorier…') }),
    error: () =>
      html`${alert({
          tone: 'error',
          title: msg('Det gick inte att hämta kategorierna'),
          headingLevel: host.headingLevel,
          body: msg('Tjänsten svarar inte just nu. Försök igen om en stund.'),
        })}
        ${button({ label: msg('Försök igen'), variant: 'secondary', onClick: () => void host.services.run() })}`,
    complete: (services) => {
      if (services.length === 0) {
        return alert({ tone: 'info', body: msg('Det går inte att göra felanmälningar här just nu. Kontakta kommunen på annat sätt.') });
      }
      const found = searchServices(services, host.search);
      const groups = groupServices(found);
      const selected = host.selectedService;
      return pageForm(
        () => {
          if (form.submit() && !host.selectedService?.handoff_note) host.advance('category');
        },
        html`${errorSummary({ errors: form.summary(), headingLevel: host.headingLevel })}
          ${textField({
            id: fieldId('search'),
            name: 'search',
            label: msg('Sök kategori'),
            hint: msg('Till exempel gatlampa, hål i vägen eller klotter'),
            type: 'search',
            optional: true,
            value: host.search,
            onInput: (value) => {
              host.search = value;
            },
          })}
          <p class="kk-hint" role="status">
            ${host.search.trim() ? msg(str`${found.length} kategorier matchar sökningen`) : nothing}
          </p>
          ${groups.map(([group, list], index) =>
            radios({
              id: fieldId(`category-${index}`),
              name: 'serviceCode',
              label: group,
              error: index === 0 ? form.errors.serviceCode : undefined,
              value: form.values.serviceCode,
              choices: list.map((service) => ({ value: service.service_code, label: service.service_name, ...(service.description ? { hint: service.description } : {}) })),
              onChange: (value) => form.set('serviceCode', value),
            }),
          )}
          ${selected?.handoff_note
            ? alert({ tone: 'warning', title: msg('Det här sköter inte kommunen'), headingLevel: host.headingLevel, body: selected.handoff_note })
            : continueButton()}`,
      );
    },
  });
  return html`${top}${content}`;
}
