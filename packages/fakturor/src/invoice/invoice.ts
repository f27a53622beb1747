import type { Invoice } from '@kommunkit/contract';
import { maxInvoiceMessageLength, type invoiceMessageKinds } from '@kommunkit/contract/fakturor-routes';
import { formatBankgiro, formatPlusgiro } from '@kommunkit/contract/fakturor-rules';
import { ApiError, type KommunkitClient } from '@kommunkit/sdk';
import { getInvoice, invoicePdfUrl, sendInvoiceMessage } from '@kommunkit/sdk/fakturor';
import {
  alert,
  button,
  characterLength,
  errorSummary,
  formatDate,
  getLocale,
  type HeadingLevel,
  heading,
  LazyFeatures,
  msg,
  spinner,
  statusHistory,
  statusHistoryStyles,
  str,
  subLevel,
  summaryList,
  textarea,
  type StatusChange,
} from '@kommunkit/ui';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { FakturorController } from '../controller.js';
import { invoiceTag, minorUnits, money, statusLabel } from '../labels.js';
import type { InvoiceItem } from '../list.js';
import { qrMeans, usingQrPayload } from '../qr-payload.js';
import { invoiceStyles } from './invoice.styles.js';

/*
 * One invoice, a chunk of its own: what it is for (lines, periods, VAT, rounding, total), how
 * to pay it (OCR and giro number with copy buttons, the payment QR code from its own chunk),
 * the PDF, its history, and the citizen's dispute or payment-plan request.
 */

type Kind = (typeof invoiceMessageKinds)[number];
const textId = 'kk-fa-message';
const qrFeatures = { qr: () => import('../qr/qr.js') };

class InvoiceState implements ReactiveController {
  readonly invoice: Task<[KommunkitClient | undefined, string | undefined], Invoice>;
  /** The invoice as a sent message left it, over the one read. */
  sent: Invoice | undefined;
  readonly qr: LazyFeatures<typeof qrFeatures>;
  form: { kind: Kind; text: string; error: string | undefined; summary: boolean; busy: boolean; failure: string | undefined } | undefined;
  copied: Record<string, string> = {};
  private focus: string | undefined;

  constructor(private readonly c: FakturorController) {
    this.invoice = new Task(c.host, {
      task: async ([client, id], { signal }) => {
        this.sent = undefined;
        this.form = undefined;
        this.copied = {};
        if (!client || !id) throw new Error('no invoice open');
        return getInvoice(client, id, { signal });
      },
      args: () => [c.options.client(), c.list.selected],
    });
    this.qr = new LazyFeatures(c.host, qrFeatures);
    c.host.addController(this);
    // Made while the element renders, after the task's first look at its arguments: the next update starts it.
    void Promise.resolve().then(() => c.host.requestUpdate());
  }

  hostUpdated(): void {
    const selector = this.focus;
    if (!selector) return;
    this.focus = undefined;
    this.c.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private update(focus?: string): void {
    if (focus) this.focus = focus;
    this.c.host.requestUpdate();
  }

  async copy(id: string, value: string, what: string): Promise<void> {
    let said: string;
    try {
      await navigator.clipboard.writeText(value);
      said = msg(str`${what} är kopierat`);
    } catch {
      // No clipboard here (permissions, an old browser): the text is selected for the keys.
      const input = this.c.host.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
      input?.focus();
      input?.select();
      said = msg(str`${what} är markerat. Kopiera med Ctrl+C, eller Cmd+C på Mac.`);
    }
    this.copied = { [id]: said };
    void this.c.announce(said);
  }

  openForm(kind: Kind): void {
    this.form = { kind, text: '', error: undefined, summary: false, busy: false, failure: undefined };
    this.update(`#${textId}`);
  }

  closeForm(): void {
    this.form = undefined;
    this.update('[data-kk-fa-actions] button');
  }

  input(text: string): void {
    if (!this.form) return;
    this.form = { ...this.form, text, ...(this.form.error ? { error: problemOf(this.form.kind, text) } : {}) };
    this.update();
  }

  async submit(invoice: Invoice): Promise<void> {
    const form = this.form;
    const client = this.c.options.client();
    if (!form || form.busy || !client) return;
    const error = problemOf(form.kind, form.text);
    if (error) {
      this.form = { ...form, error, summary: true };
      this.update('[data-kk-error-summary]');
      return;
    }
    this.form = { ...form, error: undefined, summary: false, busy: true, failure: undefined };
    this.update();
    try {
      this.sent = await sendInvoiceMessage(client, invoice.id, { kind: form.kind, text: form.text.trim() });
      this.form = undefined;
      this.c.markChanged();
      this.update('#kk-fa-history-title');
      void this.c.announce(form.kind === 'bestrid' ? msg('Ditt bestridande är skickat') : msg('Din begäran om avbetalningsplan är skickad'));
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) {
        this.c.auth.sessionEnded();
        return;
      }
      const message =
        failure instanceof ApiError && failure.detail ? failure.detail : msg('Det gick inte att skicka just nu. Det du skrev finns kvar; försök igen om en stund.');
      this.form = { ...form, busy: false, failure: message };
      this.update('[data-kk-fa-failure]');
    }
  }
}

function problemOf(kind: Kind, text: string): string | undefined {
  if (!text.trim()) return kind === 'bestrid' ? msg('Skriv varför du bestrider fakturan') : msg('Skriv hur du vill dela upp betalningen');
  if (characterLength(text) > maxInvoiceMessageLength) return msg(str`Texten får vara högst ${maxInvoiceMessageLength} tecken`);
  return undefined;
}

const key = {};
const stateOf = (c: FakturorController): InvoiceState => c.stateOf(key, () => new InvoiceState(c));

const period = (value: { start: string | null; end: string | null } | null, lang: string): string | undefined =>
  value && (value.start || value.end) ? [value.start, value.end].map((date) => (date ? formatDate(date, lang) : '…')).join(' – ') : undefined;

function history(invoice: Invoice): StatusChange[] {
  const changes: StatusChange[] = invoice.history
    .filter((event) => event.kind !== 'message' && event.kind !== 'answer')
    .map((event) => ({
      ...(event.kind === 'imported' ? { label: msg('Fakturan skickad till dig'), tone: 'info' as const } : statusLabel(event.status ?? invoice.status)),
      at: event.at,
      ...(event.note ? { note: event.note } : {}),
    }));
  for (const message of invoice.messages)
    changes.push({
      label: message.from === 'kommun' ? msg('Svar från kommunen') : message.kind === 'bestrid' ? msg('Du bestred fakturan') : msg('Du bad om en avbetalningsplan'),
      tone: message.from === 'kommun' ? 'info' : 'neutral',
      at: message.at,
      note: message.text,
    });
  return changes.sort((a, b) => Date.parse(String(a.at)) - Date.parse(String(b.at)));
}

/** A value to copy into the bank app: `copy` names the button, `what` the value in what is announced ("OCR-numret"). */
function copyField(s: InvoiceState, id: string, label: string, value: string, copyValue: string, names: { copy: string; what: string }): TemplateResult {
  return html`<div class="kk-field kk-fa-copy">
    <label class="kk-label" for=${id}>${label}</label>
    <div class="kk-fa-copy__row">
      <input class="kk-input kk-fa-copy__value" id=${id} readonly .value=${value} />
      ${button({ label: names.copy, variant: 'secondary', onClick: () => void s.copy(id, copyValue, names.what) })}
    </div>
    ${s.copied[id] ? html`<p class="kk-fa-copied">${s.copied[id]}</p>` : nothing}
  </div>`;
}

function payment(s: InvoiceState, invoice: Invoice, level: HeadingLevel, lang: string): TemplateResult | typeof nothing {
  if (invoice.documentType !== 'invoice' || minorUnits(invoice.amountDue) <= 0) return nothing;
  const means = qrMeans(invoice) ?? invoice.paymentMeans[0];
  const reference = means?.reference ?? invoice.paymentReference;
  const account = means?.account;
  const type = means?.accountType;
  const accountLabel = type === 'bankgiro' ? msg('Bankgiro') : type === 'plusgiro' ? msg('Plusgiro') : type === 'iban' ? msg('IBAN') : msg('Kontonummer');
  const accountNames =
    type === 'bankgiro'
      ? { copy: msg('Kopiera bankgironumret'), what: msg('Bankgironumret') }
      : type === 'plusgiro'
        ? { copy: msg('Kopiera plusgironumret'), what: msg('Plusgironumret') }
        : { copy: msg('Kopiera kontonumret'), what: msg('Kontonumret') };
  const isMessage = means?.referenceType === 'message';
  const accountText = account ? (means.accountType === 'bankgiro' ? formatBankgiro(account) : means.accountType === 'plusgiro' ? formatPlusgiro(account) : account) : undefined;
  const payload = usingQrPayload(invoice);
  const qr = payload ? s.qr.get('qr') : undefined;
  return html`<section class="kk-fa-pay" aria-labelledby="kk-fa-pay-title">
    ${heading({ level, id: 'kk-fa-pay-title' }, msg('Betala'))}
    <p>
      ${invoice.dueDate
        ? msg(str`Betala ${money(invoice.amountDue, invoice.currency, lang)} senast ${formatDate(invoice.dueDate, lang)}.`)
        : msg(str`Betala ${money(invoice.amountDue, invoice.currency, lang)}.`)}
    </p>
    ${reference
      ? copyField(
          s,
          'kk-fa-ocr',
          isMessage ? msg('Meddelande') : msg('OCR-nummer'),
          reference,
          isMessage ? reference : reference.replace(/\s/g, ''),
          isMessage ? { copy: msg('Kopiera meddelandet'), what: msg('Meddelandet') } : { copy: msg('Kopiera OCR-numret'), what: msg('OCR-numret') },
        )
      : nothing}
    ${account && accountText ? copyField(s, 'kk-fa-account', accountLabel, accountText, accountText, accountNames) : nothing}
    ${payload
      ? html`<div class="kk-fa-qr">
          <p id="kk-fa-qr-hint">${msg('Skanna QR-koden med din bankapp, så fylls mottagare, belopp, datum och OCR-nummer i.')}</p>
          ${qr ? qr.render(payload, msg('QR-kod för betalning i bankappen')) : spinner({ label: msg('Hämtar QR-koden…') })}
        </div>`
      : nothing}
  </section>`;
}

function lines(invoice: Invoice, level: HeadingLevel, lang: string): TemplateResult {
  const cur = invoice.currency;
  const rounding = invoice.roundingAmount && minorUnits(invoice.roundingAmount) !== 0 ? invoice.roundingAmount : undefined;
  return html`<section aria-labelledby="kk-fa-lines-title">
    ${heading({ level, id: 'kk-fa-lines-title' }, msg('Vad fakturan gäller'))}
    <div class="kk-fa-table-wrap">
      <table class="kk-fa-table">
        <caption class="kk-visually-hidden">${msg('Fakturarader')}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Beskrivning')}</th>
            <th scope="col">${msg('Antal')}</th>
            <th scope="col">${msg('Moms')}</th>
            <th scope="col" class="kk-fa-num">${msg('Belopp')}</th>
          </tr>
        </thead>
        <tbody>
          ${invoice.lines.map((line) => {
            const when = period(line.period, lang);
            return html`<tr>
              <th scope="row">${line.name}${when ? html`<span class="kk-fa-sub">${msg(str`Period ${when}`)}</span>` : nothing}</th>
              <td>${line.quantity}</td>
              <td>${line.vatPercent === null ? line.vatCategory : `${line.vatPercent} %`}</td>
              <td class="kk-fa-num">${money(line.amount, cur, lang)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    ${summaryList([
      { key: msg('Summa före moms'), value: money(invoice.totals.taxExclusiveAmount, cur, lang) },
      ...invoice.vat.map((vat) => ({
        key: vat.percent === null ? msg('Moms') : msg(str`Moms ${vat.percent} %`),
        value: msg(str`${money(vat.taxAmount, cur, lang)} (på ${money(vat.taxableAmount, cur, lang)})`),
      })),
      ...(rounding ? [{ key: msg('Öresavrundning'), value: money(rounding, cur, lang) }] : []),
      { key: invoice.documentType === 'creditNote' ? msg('Summa att få tillbaka') : msg('Summa'), value: money(invoice.payableAmount, cur, lang) },
    ])}
  </section>`;
}

function messageForm(s: InvoiceState, invoice: Invoice, level: HeadingLevel): TemplateResult {
  const form = s.form!;
  const dispute = form.kind === 'bestrid';
  return html`<form
    class="kk-fa-form"
    novalidate
    aria-labelledby="kk-fa-form-title"
    @submit=${(event: Event) => {
      event.preventDefault();
      void s.submit(invoice);
    }}
  >
    ${heading({ level, id: 'kk-fa-form-title' }, dispute ? msg('Bestrid faktura') : msg('Begär avbetalningsplan'))}
    ${form.summary && form.error ? errorSummary({ errors: [{ id: textId, message: form.error }], headingLevel: subLevel(level) }) : nothing}
    ${form.failure ? html`<div data-kk-fa-failure tabindex="-1">${alert({ tone: 'error', body: html`<p>${form.failure}</p>` })}</div>` : nothing}
    ${textarea({
      id: textId,
      name: 'text',
      label: dispute ? msg('Varför bestrider du fakturan?') : msg('Hur vill du dela upp betalningen?'),
      hint: dispute
        ? msg('Skriv vad som är fel, till exempel en period du inte hade plats eller ett belopp som inte stämmer. Fakturan går inte till inkasso medan vi utreder.')
        : msg('Skriv till exempel hur många månader du vill dela upp beloppet på. Kommunen svarar här.'),
      value: form.text,
      error: form.error,
      count: { max: maxInvoiceMessageLength },
      onInput: (text) => s.input(text),
    })}
    <div class="kk-fa-buttons">
      ${button({ label: msg('Skicka'), type: 'submit', busy: form.busy })} ${button({ label: msg('Avbryt'), variant: 'secondary', onClick: () => s.closeForm() })}
    </div>
  </form>`;
}

function detail(s: InvoiceState, c: FakturorController, invoice: Invoice, level: HeadingLevel): TemplateResult {
  const lang = getLocale();
  const client = c.options.client();
  const sub = subLevel(level);
  const cur = invoice.currency;
  const pdf = client ? invoicePdfUrl(client, invoice.id) : undefined;
  const canWrite = invoice.documentType === 'invoice';
  return html`${summaryList([
      { key: invoice.documentType === 'creditNote' ? msg('Kreditfakturanummer') : msg('Fakturanummer'), value: invoice.number },
      { key: msg('Från'), value: invoice.supplierName },
      { key: msg('Fakturadatum'), value: formatDate(invoice.issueDate, lang) },
      ...(invoice.dueDate ? [{ key: msg('Förfallodatum'), value: invoice.overdue ? msg(str`${formatDate(invoice.dueDate, lang)} (förfallen)`) : formatDate(invoice.dueDate, lang) }] : []),
      ...(period(invoice.period, lang) ? [{ key: msg('Period'), value: period(invoice.period, lang) }] : []),
      ...(invoice.billingReference ? [{ key: msg('Krediterar faktura'), value: invoice.billingReference }] : []),
      { key: msg('Belopp'), value: money(invoice.payableAmount, cur, lang) },
      ...(minorUnits(invoice.amountPaid) !== 0 ? [{ key: msg('Betalt'), value: money(invoice.amountPaid, cur, lang) }] : []),
      ...(canWrite ? [{ key: msg('Kvar att betala'), value: money(invoice.amountDue, cur, lang) }] : []),
      { key: msg('Status'), value: invoice.disputed ? msg(str`${invoiceTag(invoice).label}, bestriden`) : invoiceTag(invoice).label },
    ])}
    ${invoice.disputed ? alert({ tone: 'info', body: html`<p>${msg('Du har bestridit fakturan. Den går inte till inkasso medan kommunen utreder.')}</p>` }) : nothing}
    ${payment(s, invoice, sub, lang)} ${lines(invoice, sub, lang)}
    ${pdf ? html`<p><a class="kk-fa-pdf" href=${pdf} download>${msg(str`Ladda ner fakturan som PDF`)}</a></p>` : nothing}
    <section aria-labelledby="kk-fa-history-title">
      <div>${heading({ level: sub, id: 'kk-fa-history-title', focusTarget: true }, msg('Händelser'))}</div>
      ${statusHistory({ changes: history(invoice), label: msg('Händelser'), id: 'kk-fa-history' })}
    </section>
    ${canWrite
      ? s.form
        ? messageForm(s, invoice, sub)
        : html`<div class="kk-fa-buttons" data-kk-fa-actions>
            ${button({ label: msg('Bestrid faktura'), variant: 'secondary', onClick: () => s.openForm('bestrid') })}
            ${button({ label: msg('Begär avbetalningsplan'), variant: 'secondary', onClick: () => s.openForm('avbetalningsplan') })}
          </div>`
      : nothing}`;
}

/** An open invoice's content under its heading (the list/detail's). */
export function render(c: FakturorController, _item: InvoiceItem, context: { headingLevel: HeadingLevel }): TemplateResult {
  const s = stateOf(c);
  const task = s.invoice;
  if (task.status === TaskStatus.ERROR) {
    const error = task.error;
    if (error instanceof ApiError && error.status === 401) c.auth.sessionEnded();
    const missing = error instanceof ApiError && error.status === 404;
    return alert({
      tone: 'error',
      title: missing ? msg('Vi hittade inte fakturan') : msg('Det gick inte att hämta fakturan'),
      headingLevel: subLevel(context.headingLevel),
      body: missing
        ? html`<p>${msg('Fakturan finns inte, eller så är den inte ställd till dig.')}</p>`
        : html`<p>${msg('Tjänsten svarar inte just nu. Försök igen om en stund.')}</p>
            ${button({ label: msg('Försök igen'), variant: 'secondary', onClick: () => void task.run() })}`,
    });
  }
  const invoice = s.sent ?? (task.status === TaskStatus.COMPLETE ? task.value : undefined);
  if (!invoice) return spinner({ label: msg('Hämtar fakturan…') });
  return detail(s, c, invoice, context.headingLevel);
}

/** The table's, copy fields' and form's rules, and the history's. */
export const styles = [statusHistoryStyles, invoiceStyles];
