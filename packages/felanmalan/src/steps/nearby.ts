import { msg } from '@lit/localize';
import { button, statusTag } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import type { KkFelanmalan } from '../felanmalan.js';
import { pageTop, statusLabel, subHeading } from './common.js';

/** Page 3, only when there are open reports of the category nearby: maybe it is already known. */
export function renderNearby(host: KkFelanmalan): TemplateResult {
  return html`${pageTop(host, msg('Är felet redan anmält?'))}
    <p>${msg('Det finns anmälningar om samma sorts fel i närheten. Om ditt fel redan finns här behöver du inte anmäla det igen.')}</p>
    <ul class="kk-nearby">
      ${host.nearbyReports.map((report) => {
        const status = report.extended_attributes ? statusLabel(report.extended_attributes.detailed_status) : { label: report.status === 'open' ? msg('Öppen') : msg('Stängd'), tone: 'neutral' as const };
        return html`<li>
          ${subHeading(host, report.address ?? report.service_name, 'kk-heading kk-group-heading')}
          <p>${statusTag(status)}</p>
          ${report.description ? html`<p>${report.description}</p>` : nothing}
          <p>
            <button type="button" class="kk-link-button" @click=${() => host.showView('folj', report.service_request_id)}>
              ${msg('Följ det här ärendet')}<span class="kk-visually-hidden"> ${report.service_request_id}</span>
            </button>
          </p>
        </li>`;
      })}
    </ul>
    ${button({ label: msg('Mitt fel finns inte med, fortsätt'), onClick: () => host.advance('nearby') })}`;
}
