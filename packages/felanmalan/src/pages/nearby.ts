import { msg } from '@kommunkit/ui';
import { button, statusTag } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { flowPage, subHeading } from './common.js';
import type { NearbyView } from './types.js';

/** Page 3, only when there are open reports of the category nearby: maybe it is already known. */
export function nearbyPage(view: NearbyView): TemplateResult {
  return flowPage(
    view,
    msg('Är felet redan anmält?'),
    html`<p>${msg('Det finns anmälningar om samma sorts fel i närheten. Om ditt fel redan finns här behöver du inte anmäla det igen.')}</p>
      <ul class="kk-nearby">
        ${view.reports.map(
          (report) => html`<li>
            ${subHeading(view, report.title)}
            <p>${statusTag(report.status)}</p>
            <p>${[report.reported, report.distance].filter(Boolean).join(', ')}</p>
            ${report.description ? html`<p>${report.description}</p>` : nothing}
            <p>
              <button type="button" class="kk-link-button" @click=${() => view.onFollow(report.reference)}>
                ${msg('Följ det här ärendet')}<span class="kk-visually-hidden"> ${report.reference}</span>
              </button>
            </p>
          </li>`,
        )}
      </ul>
      ${button({ label: msg('Mitt fel finns inte med, fortsätt'), onClick: view.onContinue })}`,
  );
}
