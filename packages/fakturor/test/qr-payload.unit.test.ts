import { describe, expect, it } from 'vitest';
import { qrMeans, usingQrPayload } from '../src/qr-payload.js';

type Input = Parameters<typeof usingQrPayload>[0];
const supplier = { name: 'Exempelstads kommun', registrationName: null, organisationNumber: '212000-0001', vatNumber: null, endpoint: null, country: 'SE', address: null, identifiers: [] };
const bankgiro = { code: '30', reference: '1234567897', referenceType: 'ocr' as const, account: '56781234', accountType: 'bankgiro' as const, accountName: null, institution: 'SE:BANKGIRO' };

const invoice = (over: Partial<Input> = {}): Input => ({
  documentType: 'invoice',
  amountDue: '1234.50',
  currency: 'SEK',
  issueDate: '2026-11-15',
  dueDate: '2026-12-15',
  paymentMeans: [bankgiro],
  paymentReference: '1234567897',
  supplier,
  ...over,
});

describe('usingQrPayload', () => {
  it('writes the UsingQR fields in order, the amount exactly as the document\'s decimal', () => {
    const payload = usingQrPayload(invoice())!;
    expect(payload).toBe('{"uqr":1,"tp":1,"nme":"Exempelstads kommun","cc":"SE","cid":"212000-0001","iref":"1234567897","idt":"20261115","ddt":"20261215","due":1234.50,"cur":"SEK","pt":"BG","acc":"5678-1234"}');
    expect(JSON.parse(payload)).toMatchObject({ uqr: 1, tp: 1, due: 1234.5, pt: 'BG' });
  });

  it('pays a plusgiro with its dash, an IBAN without spaces, and leaves out what the invoice lacks', () => {
    const plusgiro = { ...bankgiro, account: '4711001', accountType: 'plusgiro' as const, institution: 'SE:PLUSGIRO' };
    expect(JSON.parse(usingQrPayload(invoice({ paymentMeans: [plusgiro] }))!)).toMatchObject({ pt: 'PG', acc: '471100-1' });
    const iban = { ...bankgiro, account: 'SE45 5000 0000 0583 9825 7466', accountType: 'iban' as const, institution: 'ESSESESS' };
    const parsed = JSON.parse(usingQrPayload(invoice({ paymentMeans: [iban], dueDate: null, currency: 'EUR', supplier: { ...supplier, organisationNumber: null, country: null } }))!) as Record<string, unknown>;
    expect(parsed).toMatchObject({ pt: 'IBAN', acc: 'SE4550000000058398257466', cur: 'EUR', cc: 'SE' });
    expect(parsed).not.toHaveProperty('ddt');
    expect(parsed).not.toHaveProperty('cid');
  });

  it('takes the first payment means a bank app can pay to, and the invoice\'s reference when the means has none', () => {
    const other = { ...bankgiro, account: 'x', accountType: 'other' as const };
    expect(qrMeans(invoice({ paymentMeans: [other, bankgiro] }))?.pt).toBe('BG');
    expect(JSON.parse(usingQrPayload(invoice({ paymentMeans: [{ ...bankgiro, reference: null }], paymentReference: '55 44' }))!)).toMatchObject({ iref: '5544' });
  });

  it('is null for a credit note, nothing left to pay, no account or no reference', () => {
    expect(usingQrPayload(invoice({ documentType: 'creditNote' }))).toBeNull();
    expect(usingQrPayload(invoice({ amountDue: '0.00' }))).toBeNull();
    expect(usingQrPayload(invoice({ amountDue: '-10.00' }))).toBeNull();
    expect(usingQrPayload(invoice({ paymentMeans: [] }))).toBeNull();
    expect(usingQrPayload(invoice({ paymentMeans: [{ ...bankgiro, reference: null }], paymentReference: null }))).toBeNull();
  });
});
