import type { Invoice } from '@kommunkit/contract';
import { formatBankgiro, formatPlusgiro } from '@kommunkit/contract/fakturor-rules';

/*
 * The payment QR code's content in the UsingQR format (rev. 2), which Swedish bank apps read
 * when the citizen scans an invoice: JSON with uqr (version 1), tp (1 = invoice), the payee
 * (nme, cc, cid), the reference (iref), dates (idt, ddt as YYYYMMDD), the amount due, the
 * currency and the account (pt BG|PG|IBAN|BBAN, acc). Pure, so it is tested without a DOM.
 */

type Means = Invoice['paymentMeans'][number];
type Pt = 'BG' | 'PG' | 'IBAN' | 'BBAN';

const ptOf: Partial<Record<Means['accountType'], Pt>> = { bankgiro: 'BG', plusgiro: 'PG', iban: 'IBAN', bban: 'BBAN' };

/** The payment means the QR code pays to: the first with an account of a kind UsingQR knows. */
export function qrMeans(invoice: Pick<Invoice, 'paymentMeans'>): (Means & { account: string; pt: Pt }) | undefined {
  for (const means of invoice.paymentMeans) {
    const pt = ptOf[means.accountType];
    if (pt && means.account) return { ...means, account: means.account, pt };
  }
  return undefined;
}

const accountText = (pt: Pt, account: string): string =>
  pt === 'BG' ? formatBankgiro(account) : pt === 'PG' ? formatPlusgiro(account) : account.replace(/\s/g, '');

const compactDate = (date: string): string => date.replaceAll('-', '');

/**
 * The UsingQR JSON of an invoice, or null when there is nothing to pay by QR: a credit note,
 * nothing left to pay, no account a bank app can pay to, or no reference to pay with. The
 * amount is written from the contract's exact decimal string, never through a float.
 */
export function usingQrPayload(
  invoice: Pick<Invoice, 'documentType' | 'amountDue' | 'currency' | 'issueDate' | 'dueDate' | 'paymentMeans' | 'paymentReference' | 'supplier'>,
): string | null {
  if (invoice.documentType !== 'invoice') return null;
  if (!/^\d+\.\d{2}$/.test(invoice.amountDue) || /^0+\.00$/.test(invoice.amountDue)) return null;
  const means = qrMeans(invoice);
  const reference = means?.reference ?? invoice.paymentReference;
  if (!means || !reference) return null;
  const fields: [string, string | number | { raw: string }][] = [
    ['uqr', 1],
    ['tp', 1],
    ['nme', invoice.supplier.name],
    ['cc', invoice.supplier.country ?? 'SE'],
    ...(invoice.supplier.organisationNumber ? [['cid', invoice.supplier.organisationNumber] as [string, string]] : []),
    ['iref', reference.replace(/\s/g, '')],
    ['idt', compactDate(invoice.issueDate)],
    ...(invoice.dueDate ? [['ddt', compactDate(invoice.dueDate)] as [string, string]] : []),
    ['due', { raw: invoice.amountDue }],
    ['cur', invoice.currency],
    ['pt', means.pt],
    ['acc', accountText(means.pt, means.account)],
  ];
  // Assembled by hand for `due`: a JSON number written exactly as the decimal string (`1234.50`).
  const body = fields.map(([key, value]) => `${JSON.stringify(key)}:${typeof value === 'object' ? value.raw : JSON.stringify(value)}`);
  return `{${body.join(',')}}`;
}
