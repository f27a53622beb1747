import { msg, str } from '@lit/localize';
import { alert, button, summaryList, type SummaryRow } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { attributeField, type KkFelanmalan } from '../felanmalan.js';
import { hasPosition } from '../flow.js';
import { pageTop } from './common.js';

/** Check answers, then file the report. A failed submit keeps every answer. */
export function renderCheck(host: KkFelanmalan): TemplateResult {
  const answers = host.answers;
  const place = [
    answers.address.trim(),
    hasPosition(answers) ? msg(str`Vald plats: ${answers.lat!.toFixed(5)}, ${answers.long!.toFixed(5)}`) : '',
  ].filter(Boolean);
  const values = host.detailsForm.values;
  const attributeRows: SummaryRow[] = (host.definition.value?.attributes ?? [])
    .filter((attribute) => attribute.variable)
    .map((attribute) => {
      const value = values[attributeField(attribute.code)];
      const keys = Array.isArray(value) ? (value as string[]) : typeof value === 'string' && value ? [value] : [];
      const names = keys.map((key) => attribute.values?.find((choice) => choice.key === key)?.name ?? key);
      return { key: attribute.description, value: names.join(', ') || msg('Inget svar'), onChange: () => host.change('details') };
    });
  const name = [answers.firstName, answers.lastName].filter((part) => part.trim()).join(' ');
  const photos = host.photos.photos.length;
  const rows: SummaryRow[] = [
    { key: msg('Kategori'), value: host.selectedService?.service_name ?? answers.serviceCode, onChange: () => host.change('category') },
    { key: msg('Plats'), value: place.map((line) => html`${line}<br />`), onChange: () => host.change('place') },
    { key: msg('Beskrivning'), value: answers.description, onChange: () => host.change('details') },
    ...attributeRows,
    { key: msg('Bilder'), value: photos === 0 ? msg('Inga bilder') : photos === 1 ? msg('1 bild') : msg(str`${photos} bilder`), onChange: () => host.change('details') },
    { key: msg('Namn'), value: name || msg('Anonym'), onChange: () => host.change('contact') },
    { key: msg('E-postadress'), value: answers.email || msg('Ingen'), onChange: () => host.change('contact') },
    { key: msg('Telefonnummer'), value: answers.phone || msg('Inget'), onChange: () => host.change('contact') },
  ];
  return html`${pageTop(host, msg('Kontrollera din anmälan'))}
    <div role="alert">
      ${host.submitError
        ? alert({ tone: 'error', title: msg('Anmälan kunde inte skickas'), headingLevel: host.headingLevel, body: host.submitError })
        : nothing}
    </div>
    ${summaryList(rows)}
    <p class="kk-privacy">${msg('Kategori, plats, beskrivning och bilder visas öppet. Namn, e-postadress och telefonnummer ser bara kommunen.')}</p>
    ${button({ label: msg('Skicka anmälan'), busy: host.busy, onClick: () => void host.submitReport() })}`;
}
