import { alert, backLink, button, dateField, errorSummary, heading, msg, spinner, statusHistory, statusTag, str, subLevel, summaryList, textarea, textField } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import type { ApplicationDetail, ApplicationView, ConfirmState, Frame, MessagesView, NoticeState, OfferState, PlacementDetail, PlacementView, WithdrawState } from './types.js';

const back = (onBack: () => void) => backLink({ label: msg('Tillbaka till Mina ansökningar och placeringar'), onClick: onBack });

/** A heading the focus moves to when its section changes (a confirm step, a result). */
const focusHeading = (frame: Frame, text: string, depth = 1) => heading({ level: subLevel(frame.headingLevel, depth), focusTarget: true }, text);

/** Loading, an error with "Försök igen", or not found (404: not there, or not the guardian's). */
function waiting(frame: Frame & { onBack: () => void }, state: { state: 'loading' } | { state: 'error'; retry: () => void } | { state: 'missing' }, what: 'application' | 'placement'): TemplateResult {
  if (state.state === 'loading') return html`${back(frame.onBack)} ${spinner({ label: what === 'application' ? msg('Hämtar ansökan…') : msg('Hämtar placeringen…') })}`;
  if (state.state === 'error')
    return html`${back(frame.onBack)}
      ${alert({
        tone: 'error',
        title: what === 'application' ? msg('Det gick inte att hämta ansökan') : msg('Det gick inte att hämta placeringen'),
        headingLevel: frame.headingLevel,
        body: html`<p>${msg('Tjänsten svarar inte just nu. Försök igen om en stund.')}</p>
          ${button({ label: msg('Försök igen'), variant: 'secondary', onClick: state.retry })}`,
      })}`;
  return html`${back(frame.onBack)}
    ${heading({ level: frame.headingLevel, focusTarget: true }, what === 'application' ? msg('Vi hittade inte ansökan') : msg('Vi hittade inte placeringen'))}
    <p>
      ${what === 'application'
        ? msg('Ansökan finns inte, eller så kan du inte se den. Bara barnets vårdnadshavare kan se en ansökan.')
        : msg('Placeringen finns inte, eller så kan du inte se den. Bara barnets vårdnadshavare kan se en placering.')}
    </p>
    ${button({ label: msg('Till Mina ansökningar och placeringar'), variant: 'secondary', onClick: frame.onBack })}`;
}

function confirmSection(view: ApplicationView, confirm: ConfirmState): unknown {
  switch (confirm.state) {
    case 'open':
      return html`<div class="kk-bo-inset kk-bo-inset--action">
        ${heading({ level: subLevel(view.headingLevel) }, msg('Bekräfta ansökan'))}
        ${confirm.error ? alert({ tone: 'error', body: html`<p>${confirm.error}</p>` }) : nothing}
        <p>${msg(str`${confirm.sentBy} har ansökt om plats för ${confirm.child}. Kommunen handlägger ansökan först när du som vårdnadshavare också har bekräftat den.`)}</p>
        ${button({ label: msg('Bekräfta ansökan'), busy: confirm.busy, onClick: confirm.onConfirm })}
      </div>`;
    case 'confirmed':
      return html`<div class="kk-bo-inset">
        ${focusHeading(view, msg('Du har bekräftat ansökan'))}
        <p>${msg('Kommunen kan nu handlägga ansökan.')}</p>
      </div>`;
    case 'none':
      return nothing;
  }
}

function offerSection(view: ApplicationView, offer: OfferState): unknown {
  const level = subLevel(view.headingLevel);
  switch (offer.state) {
    case 'open':
      return html`${heading({ level }, msg('Erbjudande om plats'))}
        <p>${msg(str`Du erbjuds en plats på ${offer.unitName} från ${offer.startDate}.`)}</p>
        <p><strong>${msg(str`Svara senast ${offer.replyBy}.`)}</strong></p>
        <div class="kk-bo-actions">
          ${button({ label: msg('Tacka ja till platsen'), onClick: () => offer.onAnswer('accepterad') })}
          ${button({ label: msg('Tacka nej'), variant: 'secondary', onClick: () => offer.onAnswer('avbojd') })}
        </div>`;
    case 'confirm':
      return html`${focusHeading(
          view,
          offer.answer === 'accepterad' ? msg(str`Vill du tacka ja till platsen på ${offer.unitName}?`) : msg(str`Vill du tacka nej till platsen på ${offer.unitName}?`),
        )}
        ${offer.error ? alert({ tone: 'error', body: html`<p>${offer.error}</p>` }) : nothing}
        <p>
          ${offer.answer === 'accepterad'
            ? msg(str`Platsen börjar ${offer.startDate}. Vill du inte ha den längre kan du säga upp den.`)
            : msg('Ett nej går inte att ångra. Vill du ha en plats senare behöver du göra en ny ansökan.')}
        </p>
        <div class="kk-bo-actions">
          ${button({
            label: offer.answer === 'accepterad' ? msg('Ja, tacka ja') : msg('Ja, tacka nej'),
            variant: offer.answer === 'accepterad' ? 'primary' : 'warning',
            busy: offer.busy,
            onClick: offer.onConfirm,
          })}
          ${button({ label: msg('Avbryt'), variant: 'secondary', onClick: offer.onCancel })}
        </div>`;
    case 'answered':
      return offer.answer === 'accepterad'
        ? html`${focusHeading(view, msg('Du har tackat ja till platsen'))}
            <p>${msg(str`Platsen på ${offer.unitName} börjar ${offer.startDate}.`)}${offer.answeredAt ? html` ${msg(str`Svaret kom in ${offer.answeredAt}.`)}` : nothing}</p>
            ${offer.onPlacement ? button({ label: msg('Visa placeringen'), variant: 'secondary', onClick: offer.onPlacement }) : nothing}`
        : html`${focusHeading(view, msg('Du har tackat nej till platsen'))}
            <p>${msg(str`Platsen på ${offer.unitName} går till någon annan.`)}${offer.answeredAt ? html` ${msg(str`Svaret kom in ${offer.answeredAt}.`)}` : nothing}</p>`;
    case 'expired':
      return html`${heading({ level }, msg('Erbjudande om plats'))}
        <p>${msg(str`Kommunen erbjöd en plats på ${offer.unitName}. Svarstiden gick ut ${offer.replyBy}, så det går inte längre att svara här.`)}</p>
        <p>${msg(str`Kontakta ${offer.contact} om du fortfarande vill ha platsen.`)}</p>`;
    case 'refused':
      return html`${focusHeading(view, msg('Svaret kunde inte tas emot'))}
        <p>${offer.message}</p>
        <p>${msg(str`Kontakta ${offer.contact} om du har frågor om erbjudandet.`)}</p>`;
    case 'none':
      return nothing;
  }
}

function withdrawSection(view: ApplicationView, withdraw: WithdrawState): unknown {
  switch (withdraw.state) {
    case 'open':
      return html`<p>${msg('Du kan återkalla ansökan fram till att kommunen erbjuder en plats.')}</p>
        ${button({ label: msg('Återkalla ansökan'), variant: 'secondary', onClick: withdraw.onAsk })}`;
    case 'confirm':
      return html`${focusHeading(view, msg('Vill du återkalla ansökan?'))}
        ${withdraw.error ? alert({ tone: 'error', body: html`<p>${withdraw.error}</p>` }) : nothing}
        <p>${msg('Kommunen handlägger inte ansökan vidare. Vill du ha en plats senare behöver du ansöka igen.')}</p>
        <div class="kk-bo-actions">
          ${button({ label: msg('Ja, återkalla ansökan'), variant: 'warning', busy: withdraw.busy, onClick: withdraw.onConfirm })}
          ${button({ label: msg('Nej, behåll ansökan'), variant: 'secondary', onClick: withdraw.onKeep })}
        </div>`;
    case 'withdrawn':
      return html`${focusHeading(view, msg('Ansökan är återkallad'))}
        <p>${msg('Du behöver inte göra något mer.')}</p>`;
    case 'refused':
      return html`${focusHeading(view, msg('Ansökan kunde inte återkallas'))}
        <p>${withdraw.message}</p>`;
    case 'none':
      return nothing;
  }
}

function messagesSection(view: ApplicationView, messages: MessagesView): TemplateResult {
  const level = subLevel(view.headingLevel);
  return html`<section class="kk-bo-section" aria-labelledby="kk-bo-messages-title">
    ${heading({ level, id: 'kk-bo-messages-title' }, msg('Meddelanden'))}
    ${messages.items.length === 0
      ? html`<p>${msg('Inga meddelanden ännu.')}</p>`
      : html`<ol class="kk-bo-messages" aria-labelledby="kk-bo-messages-title">
          ${messages.items.map(
            (message) => html`<li class="kk-bo-message ${message.fromKommun ? 'kk-bo-message--kommun' : ''}" data-kk-bo-message=${message.id}>
              <p class="kk-bo-message__meta">${message.author}, ${message.at}</p>
              <p class="kk-bo-message__text">${message.text}</p>
            </li>`,
          )}
        </ol>`}
    <form
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        messages.onSend();
      }}
    >
      ${errorSummary({ errors: messages.errors, headingLevel: subLevel(level) })}
      ${messages.error ? alert({ tone: 'error', body: html`<p>${messages.error}</p>` }) : nothing}
      ${textarea({
        ...messages.field,
        label: msg('Skriv ett meddelande till kommunen'),
        hint: msg('Meddelandet syns för kommunens handläggare och för barnets andra vårdnadshavare.'),
        rows: 4,
        count: { max: messages.field.max },
      })}
      ${button({ label: msg('Skicka meddelandet'), type: 'submit', variant: 'secondary', busy: messages.busy })}
    </form>
  </section>`;
}

function applicationDetail(view: ApplicationView, detail: ApplicationDetail): TemplateResult {
  const level = subLevel(view.headingLevel);
  return html`${back(view.onBack)}
    ${heading({ level: view.headingLevel, id: 'kk-bo-application-title', focusTarget: true }, detail.title)}
    <p>${statusTag(detail.status)}</p>
    <p class="kk-bo-next">${detail.next}</p>
    <div data-kk-bo-confirm>${confirmSection(view, detail.confirm)}</div>
    <div class="kk-bo-section" data-kk-bo-offer>${offerSection(view, detail.offer)}</div>
    <section class="kk-bo-section" aria-labelledby="kk-bo-facts-title">
      ${heading({ level, id: 'kk-bo-facts-title' }, msg('Om ansökan'))} ${summaryList(detail.facts)}
      ${detail.sentByOther ? html`<p>${detail.sentByOther}</p>` : nothing}
      ${heading({ level: subLevel(level), id: 'kk-bo-units-title' }, msg('Önskade enheter, i första hand först'))}
      <ol class="kk-bo-units" aria-labelledby="kk-bo-units-title">
        ${detail.units.map((unit) => html`<li>${unit}</li>`)}
      </ol>
    </section>
    <div class="kk-bo-section">${statusHistory({ changes: detail.history, title: msg('Vad har hänt'), headingLevel: level, id: 'kk-bo-history' })}</div>
    <div class="kk-bo-section" data-kk-bo-withdraw>${withdrawSection(view, detail.withdraw)}</div>
    ${messagesSection(view, detail.messages)}`;
}

/** One application: its facts, ranked units, history, the offer, withdrawing, confirming and messages. */
export function applicationPage(view: ApplicationView): TemplateResult {
  const state = view.application;
  return html`<div class="kk-bo-application">${state.state === 'ready' ? applicationDetail(view, state.value) : waiting(view, state, 'application')}</div>
    <div class="kk-visually-hidden" role="status">${view.announcement}</div>`;
}

function noticeSection(view: PlacementView, notice: NoticeState): unknown {
  const level = subLevel(view.headingLevel);
  switch (notice.state) {
    case 'closed':
      return html`${heading({ level }, msg('Säga upp platsen'))}
        <p>${msg('Du kan säga upp platsen här. Du ser vilken dag som blir den sista innan du skickar uppsägningen.')}</p>
        ${button({ label: msg('Säg upp platsen'), variant: 'secondary', onClick: notice.onStart })}`;
    case 'form':
      return html`${focusHeading(view, msg('Säg upp platsen'))}
        <form
          novalidate
          @submit=${(event: Event) => {
            event.preventDefault();
            notice.onSend();
          }}
        >
          ${errorSummary({ errors: notice.errors, headingLevel: subLevel(level) })}
          ${notice.error ? alert({ tone: 'error', body: html`<p>${notice.error}</p>` }) : nothing}
          <p>${notice.period}</p>
          ${dateField({
            ...notice.wishedEndDate,
            label: msg('Önskad sista dag'),
            hint: msg('Lämna tomt om platsen ska sluta så snart uppsägningstiden har gått ut.'),
            optional: true,
          })}
          ${textField({ ...notice.reason, label: msg('Varför säger du upp platsen?'), optional: true })}
          <div class="kk-bo-inset kk-bo-inset--action" role="status" data-kk-bo-last-day>
            <p><strong>${msg(str`Sista dagen blir ${notice.lastDay}.`)}</strong></p>
            ${notice.wishedTooEarly ? html`<p>${msg('Den dag du önskar ligger inom uppsägningstiden, så platsen slutar när uppsägningstiden har gått ut.')}</p>` : nothing}
          </div>
          <div class="kk-bo-actions">
            ${button({ label: msg('Skicka uppsägningen'), type: 'submit', variant: 'warning', busy: notice.busy })}
            ${button({ label: msg('Avbryt'), variant: 'secondary', onClick: notice.onCancel })}
          </div>
        </form>`;
    case 'given':
      return html`${focusHeading(view, msg('Platsen är uppsagd'))}
        <p>${msg(str`Sista dagen är ${notice.lastDay}. Du behöver inte göra något mer.`)}</p>`;
    case 'refused':
      return html`${focusHeading(view, msg('Platsen kunde inte sägas upp'))}
        <p>${notice.message}</p>
        <p>${msg(str`Kontakta ${notice.contact} om du behöver hjälp.`)}</p>`;
    case 'none':
      return html`<p>${notice.text}</p>`;
  }
}

function placementDetail(view: PlacementView, detail: PlacementDetail): TemplateResult {
  return html`${back(view.onBack)}
    ${heading({ level: view.headingLevel, id: 'kk-bo-placement-title', focusTarget: true }, detail.title)}
    <p>${statusTag(detail.status)}</p>
    ${summaryList(detail.facts)}
    <div class="kk-bo-section" data-kk-bo-notice>${noticeSection(view, detail.notice)}</div>`;
}

/** One placement: where and since when, and its notice (uppsägning) with the last day shown before sending. */
export function placementPage(view: PlacementView): TemplateResult {
  const state = view.placement;
  return html`<div class="kk-bo-placement">${state.state === 'ready' ? placementDetail(view, state.value) : waiting(view, state, 'placement')}</div>
    <div class="kk-visually-hidden" role="status">${view.announcement}</div>`;
}
