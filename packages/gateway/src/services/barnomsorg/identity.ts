import Personnummer from 'personnummer';

/**
 * A Swedish identity number as the population register knows it: a personnummer, or a
 * samordningsnummer (Skatteverket's number for someone not folkbokförd, the day of birth plus
 * 60), both checked with the `personnummer` package (date and Luhn check digit). The gateway
 * takes them from the session (the identity provider) and from the register; never from a
 * request body.
 */
export interface Identity {
  /** 12 digits, `YYYYMMDDNNNC` (a samordningsnummer keeps its day + 60). */
  number: string;
  /** The real date of birth, `YYYY-MM-DD` (for a samordningsnummer the day less 60). */
  birthDate: string;
  coordinationNumber: boolean;
}

/** The identity in `value` (10 or 12 digits, with or without `-`/`+`), or null when it is no valid number. */
export function parseIdentity(value: string): Identity | null {
  if (!/^[0-9+-]{10,13}$/.test(value)) return null;
  let parsed: Personnummer;
  try {
    parsed = Personnummer.parse(value, { allowCoordinationNumber: true, allowInterimNumber: false });
  } catch {
    return null;
  }
  const coordinationNumber = parsed.isCoordinationNumber();
  const day = Number(parsed.day) - (coordinationNumber ? 60 : 0);
  return {
    number: parsed.format(true),
    birthDate: `${parsed.fullYear}-${parsed.month}-${String(day).padStart(2, '0')}`,
    coordinationNumber,
  };
}
