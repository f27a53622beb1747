/**
 * Money as UBL writes it, exactly: a decimal string read into integer minor units (öre, cent) as
 * a bigint, added and compared as integers, and written back as a decimal string with two
 * decimals. Never a float: 0.1 + 0.2 is not 0.3 in binary, and an invoice must add up to the öre.
 */

/** xsd:decimal with at most two decimals (Peppol BR-DEC: amounts have at most two). */
const amountPattern = /^([+-]?)(\d{1,15})(?:\.(\d{1,2}))?$/;
/** A quantity, price or percentage: xsd:decimal, more decimals allowed. */
const decimalPattern = /^[+-]?\d{1,15}(?:\.\d{1,6})?$/;

/** The amount in minor units, or null when it is no amount with at most two decimals. */
export function toMinor(value: string): bigint | null {
  const match = amountPattern.exec(value);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const minor = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign === '-' ? -minor : minor;
}

/** Minor units as a decimal string with two decimals: `-40n` → `"-0.40"`. */
export function fromMinor(minor: bigint): string {
  const negative = minor < 0n;
  const absolute = negative ? -minor : minor;
  return `${negative ? '-' : ''}${String(absolute / 100n)}.${String(absolute % 100n).padStart(2, '0')}`;
}

/** A quantity or percentage as the document wrote it (a leading `+` dropped), or null when it is no decimal. */
export function decimalOf(value: string): string | null {
  return decimalPattern.test(value) ? value.replace(/^\+/, '') : null;
}

/**
 * `amount × percent / 100`, rounded half away from zero to minor units (BR-CO-17's VAT amount).
 * The percentage is exact too: scaled by its own decimals.
 */
export function percentOf(amountMinor: bigint, percent: string): bigint {
  const [whole, fraction = ''] = percent.replace(/^\+/, '').split('.');
  const scale = 10n ** BigInt(fraction.length);
  const numerator = amountMinor * BigInt(`${whole!}${fraction}`);
  const denominator = 100n * scale;
  const negative = numerator < 0n;
  const absolute = negative ? -numerator : numerator;
  const rounded = (absolute * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}
