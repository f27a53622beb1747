import type { InvoiceStatus, InvoiceSummary } from '@kommunkit/contract';
import { formatMoney, msg, type Tone } from '@kommunkit/ui';

/** An exact decimal amount of the contract (`"1234.50"`) in minor units, without a float. */
export function minorUnits(amount: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!match) return Number.NaN;
  const value = Number(match[2]) * 100 + Number(match[3]);
  return match[1] ? -value : value;
}

/** "1 234,50 kr" in the document's currency (`EUR` as "1 234,50 €"). */
export const money = (amount: string, currency: string, lang: string): string => formatMoney(minorUnits(amount), lang, { currency });

/** A status in words, as the citizen reads it. */
export function statusLabel(status: InvoiceStatus): { label: string; tone: Tone } {
  switch (status) {
    case 'sent':
      return { label: msg('Att betala'), tone: 'info' };
    case 'partially_paid':
      return { label: msg('Delvis betald'), tone: 'info' };
    case 'paid':
      return { label: msg('Betald'), tone: 'success' };
    case 'reminder':
      return { label: msg('Påminnelse skickad'), tone: 'warning' };
    case 'debt_collection':
      return { label: msg('Skickad till inkasso'), tone: 'error' };
    case 'credited':
      return { label: msg('Krediterad'), tone: 'neutral' };
    case 'written_off':
      return { label: msg('Avskriven'), tone: 'neutral' };
    case 'overpaid':
      return { label: msg('Överbetald'), tone: 'info' };
  }
}

/** The tag of a row: overdue said in words ("Förfallen"), a credit note named as one. */
export function invoiceTag(invoice: Pick<InvoiceSummary, 'documentType' | 'overdue' | 'status'>): { label: string; tone: Tone } {
  if (invoice.documentType === 'creditNote') return { label: msg('Kreditfaktura'), tone: 'neutral' };
  if (invoice.overdue) return { label: msg('Förfallen'), tone: 'error' };
  return statusLabel(invoice.status);
}
