import { luhnValid } from '@kommunkit/contract/fakturor-rules';
import { createHmac, hkdfSync } from 'node:crypto';
import Personnummer from 'personnummer';

/**
 * Whom a document is for, from its customer's identifiers: a citizen by personnummer (or
 * samordningsnummer, checked by the `personnummer` package), or a förening by
 * organisationsnummer (ISO 6523 `0007`, or a number whose third digit is 2 or more: no
 * personnummer has a month above 1). A personnummer is never stored: the invoice keeps a keyed
 * hash of it to be found by (HMAC-SHA256 under a key derived from the gateway's data key, the
 * same number from a session gives the same hash), and shows it masked.
 */

export type IdentifierKind = 'personnummer' | 'organisationsnummer' | 'other';

export interface Recognised {
  kind: IdentifierKind;
  /** 12 digits for a personnummer, 10 for an organisationsnummer. */
  normalised: string | null;
}

/** Schemes that are never a Swedish person or organisation number (GLN, DUNS, e-mail, …). */
const otherSchemes = /^(0088|0060|0192|0208|9906|EM|0184|0196)$/i;

export function recognise(scheme: string | null, id: string): Recognised {
  if (scheme !== null && otherSchemes.test(scheme)) return { kind: 'other', normalised: null };
  const digits = id.replace(/^SE/i, '').replace(/[\s-]/g, '');
  // A Swedish VAT number is SE + organisationsnummer + 01.
  const organisation = /^\d{12}$/.test(digits) && /^SE/i.test(id) && digits.endsWith('01') ? digits.slice(0, 10) : digits;
  if (/^\d{10}$/.test(organisation) && Number(organisation[2]) >= 2 && luhnValid(organisation)) return { kind: 'organisationsnummer', normalised: organisation };
  if (scheme === '0007') return { kind: 'other', normalised: null };
  if (/^(\d{6}|\d{8})[-+]?\d{4}$/.test(id.trim())) {
    try {
      const parsed = Personnummer.parse(id.trim(), { allowCoordinationNumber: true, allowInterimNumber: false });
      return { kind: 'personnummer', normalised: parsed.format(true) };
    } catch {
      return { kind: 'other', normalised: null };
    }
  }
  return { kind: 'other', normalised: null };
}

/** A personnummer as shown: the date of birth, the last four masked. */
export const maskPersonnummer = (normalised: string): string => `${normalised.slice(0, 8)}-****`;

/** The keys a recipient's documents are stored under. */
export class RecipientKeys {
  private readonly key: Buffer;

  constructor(dataKey: string) {
    this.key = Buffer.from(hkdfSync('sha256', dataKey, 'kommunkit', 'kommunkit fakturor-recipient hmac-sha256 v1', 32));
  }

  person(personnummer: string): string {
    return `p:${createHmac('sha256', this.key).update(personnummer).digest('base64url')}`;
  }

  organisation(organisationsnummer: string): string {
    return `o:${organisationsnummer.replace(/-/g, '')}`;
  }
}
