import { msg, str } from '@lit/localize';
import { alert, button, continueButton, errorSummary, textarea } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { KkFelanmalan } from '../felanmalan.js';
import { pageForm, pageTop } from './common.js';

/**
 * Page 2: where. The place in words is always enough; "Använd min position" and the map (when
 * the kommun has one) are alternatives, never the only way.
 */
export function renderPlace(host: KkFelanmalan): TemplateResult {
  const form = host.placeForm;
  const position = form.values.position;
  const map = host.mapSettings.value;
  return html`${pageTop(host, msg('Var finns felet?'))}
    ${pageForm(
      () => void host.submitPlace(),
      html`${errorSummary({ errors: form.summary(), headingLevel: host.headingLevel })}
        ${textarea({
          ...form.bind('address'),
          label: msg('Adress eller plats'),
          hint: msg('Till exempel Storgatan 12, korsningen Kungsgatan–Torggatan, eller lekplatsen i Norrparken. Du kan också använda din position eller kartan.'),
          rows: 2,
          onInput: (value) => form.set('address', value),
        })}
        <div class="kk-position">
          ${button({ label: msg('Använd min position'), variant: 'secondary', onClick: () => host.useMyPosition() })}
          ${position
            ? html`<p>${msg(str`Vald plats: ${position.lat.toFixed(5)}, ${position.long.toFixed(5)}`)}</p>
                ${button({ label: msg('Ta bort vald plats'), variant: 'secondary', onClick: () => host.setPosition(null) })}`
            : nothing}
        </div>
        <div role="status">
          ${host.positionMessage ? alert({ tone: host.positionMessage.tone, body: host.positionMessage.text }) : nothing}
        </div>
        ${map
          ? html`<p class="kk-hint" id="kk-fel-map-hint">
                ${msg('På kartan kan du klicka där felet finns, eller dra nålen dit. Med tangentbordet flyttar du kartan med piltangenterna.')}
              </p>
              <div class="kk-map" part="map" ${ref(host.mapContainer)}></div>
              <p class="kk-map-attribution">${map.attribution}</p>`
          : nothing}
        ${host.busy ? html`<p role="status">${msg('Söker efter anmälningar i närheten…')}</p>` : nothing} ${continueButton()}`,
    )}`;
}
