import { msg } from '@kommunkit/ui';
import { alert, button, continueButton, textarea } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { flowPage } from './common.js';
import type { PlaceView } from './types.js';

/**
 * Page 2: where. The place in words is always enough; "Använd min position" and the map (when
 * the kommun has one) are alternatives, never the only way. The chosen place ("Nära Storgatan
 * 12") is in a live region, so a pin placed by keyboard is announced.
 */
export function placePage(view: PlaceView): TemplateResult {
  return flowPage(
    view,
    msg('Var finns felet?'),
    html`${textarea({
        ...view.address,
        label: msg('Adress eller plats'),
        hint: msg('Till exempel Storgatan 12, korsningen Kungsgatan–Torggatan, eller lekplatsen i Norrparken. Du kan också använda din position eller kartan.'),
        rows: 2,
      })}
      <div class="kk-position">
        ${button({ label: msg('Använd min position'), variant: 'secondary', onClick: view.onUseMyPosition })}
        <p aria-live="polite">${view.position?.text}</p>
        ${view.position ? button({ label: msg('Ta bort vald plats'), variant: 'secondary', onClick: view.position.onClear }) : nothing}
      </div>
      <div role="status">${view.positionMessage ? alert({ tone: view.positionMessage.tone, body: view.positionMessage.text }) : nothing}</div>
      ${view.map
        ? html`<p class="kk-hint" id="kk-fel-map-hint">
              ${msg('Klicka på kartan där felet finns, eller dra nålen dit. Använd piltangenterna för att flytta kartan och Enter för att sätta nålen där korset är.')}
            </p>
            <div class="kk-map" part="map" ${ref(view.map.container)}></div>
            <p class="kk-map-attribution">${view.map.attribution}</p>`
        : nothing}
      ${view.searchingNearby ? html`<p role="status">${msg('Söker efter anmälningar i närheten…')}</p>` : nothing} ${continueButton()}`,
    view.onSubmit,
  );
}
