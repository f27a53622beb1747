/**
 * Swedish payment identifiers, for mina fakturor: the gateway validates what an imported invoice
 * says, the widget formats what the citizen copies into the bank app, and both use this one
 * module (`@kommunkit/contract/fakturor-rules`, free of TypeBox). Identifiers stay strings:
 * leading zeros and lengths matter. Written here because no npm package knows these Swedish
 * rules (OCR's length digit, bankgiro's and plusgiro's lengths); the Luhn check under them is
 * eight lines, cheaper than a credit-card package (`fast-luhn`) in the widget's bundle.
 */

/**
 * The Luhn (mod 10) check digit of `digits`, the digits before it: OCR and giro numbers here,
 * and personnummer and organisationsnummer (the dev IdP's test persons).
 */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // From the right: the digit next to the check digit weighs 2, the one before it 1, then 2, 1, …
    let digit = Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether the last digit of `digits` is the Luhn (mod 10) check digit of the rest. */
export function luhnValid(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

/** Why an identifier is not valid, or null when it is. */
export type IdentifierProblem = 'format' | 'length' | 'check' | null;

/** Digits only: the spaces and dashes people and documents put in are dropped. */
export const digitsOf = (value: string): string => value.replace(/[\s-]/g, '');

/**
 * An OCR reference (Bankgirot's "OCR-referenskontroll"): 2–25 digits, the last a Luhn check
 * digit; with `lengthDigit` the next-to-last is the total length mod 10, as many kommuner's
 * payees choose ("hård kontroll med längdsiffra").
 */
export function ocrProblem(value: string, { lengthDigit = false }: { lengthDigit?: boolean } = {}): IdentifierProblem {
  const digits = digitsOf(value);
  if (!/^\d+$/.test(digits)) return 'format';
  if (digits.length < 2 || digits.length > 25) return 'length';
  if (lengthDigit && Number(digits[digits.length - 2]) !== digits.length % 10) return 'length';
  return luhnValid(digits) ? null : 'check';
}

/** A bankgiro number: 7 or 8 digits with a Luhn check digit (Peppol SE-R-008/009: numeric, 7–8 digits). */
export function bankgiroProblem(value: string): IdentifierProblem {
  const digits = digitsOf(value);
  if (!/^\d+$/.test(digits)) return 'format';
  if (digits.length < 7 || digits.length > 8) return 'length';
  return luhnValid(digits) ? null : 'check';
}

/** A plusgiro number: 2–8 digits with a Luhn check digit. */
export function plusgiroProblem(value: string): IdentifierProblem {
  const digits = digitsOf(value);
  if (!/^\d+$/.test(digits)) return 'format';
  if (digits.length < 2 || digits.length > 8) return 'length';
  return luhnValid(digits) ? null : 'check';
}

/** Bankgiro as banks print it: `XXX-XXXX` or `XXXX-XXXX`. */
export const formatBankgiro = (value: string): string => {
  const digits = digitsOf(value);
  return `${digits.slice(0, -4)}-${digits.slice(-4)}`;
};

/** Plusgiro as banks print it: the check digit after a dash, `XXXXXX-X`. */
export const formatPlusgiro = (value: string): string => {
  const digits = digitsOf(value);
  return `${digits.slice(0, -1)}-${digits.slice(-1)}`;
};
