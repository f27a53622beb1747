import { formStyles, KkElement, LazyFeatures, listDetailStyles, loginGate, msg, pagerStyles, registerTranslations, spinner, uiStyles } from '@kommunkit/ui';
import type { TemplateResult } from 'lit';
import { FakturorController } from './controller.js';
import './events.js';
import { fakturorStyles } from './fakturor.styles.js';
import { listPage, type InvoiceItem } from './list.js';

/** An open invoice is a chunk of its own (its QR code another, loaded from it): the first render carries only the list. */
const features = {
  invoice: () => import('./invoice/invoice.js'),
};

registerTranslations('en', () => import('./locales/en.js'));

/**
 * Mina fakturor: a logged-in citizen sees the kommun's invoices to them (childcare fee, water
 * and waste, rent), understands each one, pays it in the bank app (OCR, bankgiro or plusgiro,
 * a payment QR code), downloads it as PDF, disputes it or asks for a payment plan.
 *
 * @tagname kk-mina-fakturor
 * @summary A citizen's invoices from the kommun, payable in the bank app.
 *
 * @fires {CustomEvent<InvoiceOpenedDetail>} kk-invoice-opened - When the citizen opens an invoice. `detail: { invoiceId }`: the id only, never amounts or names.
 *
 * @csspart qr - The payment QR code's SVG.
 *
 * @cssprop --kk-color-primary - Buttons and links; every `--kk-*` token of @kommunkit/ui applies.
 * @cssprop --kk-max-width - Widest the widget grows (default 40em).
 */
export class KkMinaFakturor extends KkElement {
  static override styles = [uiStyles, formStyles, listDetailStyles, pagerStyles, fakturorStyles];

  readonly #controller = new FakturorController(this, {
    client: () => this.client,
    onOpened: (detail) => this.emit('kk-invoice-opened', detail),
  });

  readonly #features = new LazyFeatures(this, features);

  #detail(item: InvoiceItem): unknown {
    return this.#features.get('invoice')?.render(this.#controller, item, { headingLevel: this.headingLevel }) ?? spinner();
  }

  override render(): TemplateResult {
    // Not set up for this page (no kommun or api, an unknown kommun, an origin not on the list): say so, and nothing else.
    const notice = this.setupNotice();
    if (notice) return notice;
    const c = this.#controller;
    // The invoice's chunk is asked for while the citizen looks at the list.
    if (c.invoices.value?.items.length) this.#features.preload('invoice');
    return loginGate(c.auth, {
      headingLevel: this.headingLevel,
      title: msg('Mina fakturor'),
      reason: msg('Du behöver logga in med e-legitimation för att se dina fakturor från kommunen. Då visar vi bara fakturor som är ställda till dig.'),
      returnTo: { step: c.returnStep },
      content: () => listPage(c, this.headingLevel, (item) => this.#detail(item)),
    });
  }
}
