import { msg, str } from '@kommunkit/ui';
import { alert, button, heading, listDetail, loginGate, pager, statusHistory, subLevel } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import type { CalendarFeedView, CancelState, MineView, MyBookingItem } from './types.js';

const feedInputId = 'kk-lb-feed-url';

function cancelSection(view: MineView, cancel: CancelState): unknown {
  const level = subLevel(view.headingLevel);
  const title = (text: string) => heading({ level, focusTarget: true }, text);
  switch (cancel.state) {
    case 'open':
      return html`<p>${msg(str`Du kan avboka fram till ${cancel.until}.`)}</p>
        ${button({ label: msg('Avboka'), variant: 'secondary', onClick: cancel.onAsk })}`;
    case 'confirm':
      return html`${title(msg(str`Vill du avboka ${cancel.what}?`))}
        ${cancel.error ? alert({ tone: 'error', body: html`<p>${cancel.error}</p>` }) : nothing}
        <p>${msg('Tiden blir ledig för andra att boka. Det går inte att ångra.')}</p>
        <div class="kk-actions">
          ${button({ label: msg('Ja, avboka'), variant: 'warning', busy: cancel.busy, onClick: cancel.onConfirm })}
          ${button({ label: msg('Nej, behåll bokningen'), variant: 'secondary', onClick: cancel.onKeep })}
        </div>`;
    case 'cancelled':
      return html`${title(msg('Bokningen är avbokad'))}
        <p>${msg('Tiden är ledig för andra att boka. Du behöver inte göra något mer.')}</p>`;
    case 'refused':
      return html`${title(msg('Bokningen kunde inte avbokas'))}
        <p>${cancel.message}</p>
        <p>${msg(str`Kontakta ${cancel.contact} om du behöver ändra bokningen.`)}</p>`;
    case 'too-late':
      return html`<p>${msg(str`Avbokningstiden gick ut ${cancel.until}. Kontakta ${cancel.contact} om du inte kan komma.`)}</p>`;
    case 'not-on-web':
      return html`<p>${msg(str`Den här bokningen kan inte avbokas på webben. Kontakta ${cancel.contact} om du behöver avboka.`)}</p>`;
    case 'none':
      return nothing;
  }
}

function detail(view: MineView, item: MyBookingItem): TemplateResult {
  const level = subLevel(view.headingLevel);
  return html`<dl class="kk-summary-list">
      ${item.rows.map(
        (row) => html`<div class="kk-summary-list__row">
          <dt class="kk-summary-list__key">${row.key}</dt>
          <dd class="kk-summary-list__value">${row.value}</dd>
        </div>`,
      )}
    </dl>
    ${item.calendarUrl
      ? html`<p><a href=${item.calendarUrl} download="bokning.ics">${msg('Lägg in bokningen i din kalender (.ics)')}</a></p>`
      : nothing}
    ${item.history.length > 0 ? html`<div part="history">${statusHistory({ changes: item.history, title: msg('Vad har hänt'), headingLevel: level, id: 'kk-lb-mine-history' })}</div>` : nothing}
    <div class="kk-lb-cancel" data-kk-cancel>${cancelSection(view, item.cancel)}</div>`;
}

function feedSection(view: MineView, feed: CalendarFeedView): TemplateResult {
  return html`<section class="kk-lb-feed" aria-labelledby="kk-lb-feed-title">
    ${heading({ level: subLevel(view.headingLevel), id: 'kk-lb-feed-title' }, msg('Prenumerera i din kalender'))}
    <p>${msg('Med en kalenderadress visas dina bokningar i kalendern i mobilen eller datorn, och ändringar kommer med av sig själva.')}</p>
    <p>${msg('Adressen är personlig: den som har den ser dina bokningar. Gör du en ny adress slutar den gamla att fungera.')}</p>
    ${feed.error ? alert({ tone: 'error', body: html`<p>${feed.error}</p>` }) : nothing}
    ${feed.url
      ? html`<div class="kk-field">
          <label class="kk-label" for=${feedInputId}>${msg('Din kalenderadress')}</label>
          <div class="kk-hint" id="kk-lb-feed-hint">${msg('Kopiera adressen och lägg till den som prenumeration i din kalenderapp.')}</div>
          <input class="kk-input" id=${feedInputId} type="text" readonly .value=${feed.url} aria-describedby="kk-lb-feed-hint" spellcheck="false" />
        </div>
        <div class="kk-actions">
          ${button({ label: msg('Kopiera adressen'), onClick: feed.onCopy })}
          ${feed.copied ? html`<span class="kk-lb-copied">${feed.copied}</span>` : nothing}
        </div>
        <p>${button({ label: msg('Gör en ny adress'), variant: 'secondary', busy: feed.busy, onClick: feed.onCreate })}</p>`
      : button({ label: msg('Skapa kalenderadress'), variant: 'secondary', busy: feed.busy, onClick: feed.onCreate })}
  </section>`;
}

function bookings(view: MineView): TemplateResult {
  const { bookings, user } = view;
  const state =
    bookings.state === 'ready'
      ? { status: 'ready' as const, items: bookings.value.items }
      : bookings.state === 'error'
        ? { status: 'error' as const, message: msg('Det gick inte att hämta dina bokningar just nu. Försök igen om en stund.'), onRetry: bookings.retry }
        : { status: 'loading' as const, label: msg('Hämtar dina bokningar…') };
  const open = view.list.selected !== undefined && bookings.state === 'ready' && bookings.value.items.some((item) => item.id === view.list.selected);
  return html`${listDetail({
      controller: view.list,
      title: msg('Mina bokningar'),
      headingLevel: view.headingLevel,
      id: 'kk-lb-mine',
      state,
      emptyText: msg('Du har inga bokningar ännu. Det du bokar när du är inloggad visas här.'),
      footer:
        bookings.state === 'ready'
          ? pager({ page: bookings.value.page, pageCount: bookings.value.pageCount, onPage: bookings.value.onPage, label: msg('Sidor med bokningar') })
          : nothing,
      detail: (item) => detail(view, item),
      backLabel: msg('Tillbaka till Mina bokningar'),
    })}
    ${open || bookings.state !== 'ready' ? nothing : feedSection(view, view.feed)}
    ${user
      ? html`<div class="kk-lb-user">
          ${user.error ? alert({ tone: 'error', body: html`<p>${user.error}</p>` }) : nothing}
          <p>
            ${msg(str`Inloggad som ${user.name}.`)}
            <button type="button" class="kk-link-button" aria-disabled=${user.busy ? 'true' : 'false'} @click=${user.onLogout}>${msg('Logga ut')}</button>
          </p>
        </div>`
      : nothing}`;
}

/** "Mina bokningar": the login gate, then the citizen's bookings with status, history, cancelling and a calendar feed. */
export function minePage(view: MineView): TemplateResult {
  return html`${loginGate(view.auth, {
      headingLevel: view.headingLevel,
      title: msg('Mina bokningar'),
      reason: msg('Logga in med e-legitimation för att se dina bokningar av kommunens lokaler, avboka och lägga in dem i din kalender.'),
      returnTo: { step: 'mina' },
      content: () => bookings(view),
    })}
    <div class="kk-actions">${button({ label: msg('Boka en lokal'), variant: 'secondary', onClick: view.onFind })}</div>
    <div class="kk-visually-hidden" role="status">${view.announcement}</div>`;
}
