/**
 * What each client-error status (and 503) means, in words a citizen can act on: one table for the
 * problem+json answers, Open311's error lists and the raw answers Node's parser errors get.
 */
export const statusDetails = {
  400: 'Begäran kunde inte tolkas.',
  404: 'Resursen finns inte.',
  405: 'Metoden stöds inte här.',
  408: 'Begäran kom inte fram i tid. Försök igen.',
  414: 'Adressen är för lång.',
  431: 'Begärans huvuden är för stora.',
  503: 'Tjänsten har ett tillfälligt fel. Försök igen om en liten stund.',
} as const satisfies Record<number, string>;
