/**
 * Lokalbokning's rules that both the widget (the price and deadline it shows before the citizen
 * confirms) and the gateway (what it charges and enforces) apply, so the two cannot drift apart.
 * Free of TypeBox (`@kommunkit/contract/lokalbokning-rules`). Availability itself is computed
 * only by the gateway: it alone knows the other bookings.
 */

/** Every time of a lokal is reckoned in Swedish local time, DST included. */
export const bookingTimeZone = 'Europe/Stockholm';

export const lokalTypes = ['idrottshall', 'motesrum', 'samlingslokal', 'utomhusplan'] as const;
export type LokalType = (typeof lokalTypes)[number];

/** Who pays: the price list has a row for each (tilavarauspalvelu's customer types). */
export const customerTypes = ['privatperson', 'forening', 'foretag'] as const;
export type CustomerType = (typeof customerTypes)[number];

/** Accessibility facts a lokal may have; the search filters on them. */
export const accessibilityFacts = ['stegfri_entre', 'tillganglig_toalett', 'horslinga'] as const;
export type AccessibilityFact = (typeof accessibilityFacts)[number];

/** preliminär (waits for the kommun), bekräftad, avböjd (by the kommun), avbokad (by the citizen or the kommun). */
export const bookingStatuses = ['preliminar', 'bekraftad', 'avbojd', 'avbokad'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
/** The states that hold a time: only these take part in the database's no-overlap constraint. */
export const activeBookingStatuses: readonly BookingStatus[] = ['preliminar', 'bekraftad'];

/** The longest span one availability read covers (a week view needs 7; a month view 31). */
export const maxAvailabilityDays = 31;
/** The longest purpose text ("Innebandyträning, 12 personer"). */
export const maxPurposeLength = 200;
/** The longest season a förening may ask for at once: about one school year. */
export const maxSeasonWeeks = 45;
/** Free times offered when the chosen one was just taken. */
export const alternativesOffered = 3;

export interface Price {
  /** Öre, excluding VAT. */
  netOre: number;
  vatOre: number;
  /** Öre, what the citizen pays. */
  totalOre: number;
  vatPercent: number;
}

/**
 * The price of `minutes` at `perHourOre` (excluding VAT) with `vatPercent` VAT, in whole öre:
 * the net rounded to the öre first, then the VAT on it (Skatteverket reckons VAT on the net).
 */
export function priceFor(perHourOre: number, minutes: number, vatPercent: number): Price {
  const netOre = Math.round((perHourOre * minutes) / 60);
  const vatOre = Math.round((netOre * vatPercent) / 100);
  return { netOre, vatOre, totalOre: netOre + vatOre, vatPercent };
}

/** The last moment a booking starting at `start` may be cancelled, or null when it cannot be cancelled at all. */
export function cancellableUntil(start: Date, cancelBeforeHours: number | null): Date | null {
  return cancelBeforeHours === null ? null : new Date(start.getTime() - cancelBeforeHours * 3_600_000);
}
