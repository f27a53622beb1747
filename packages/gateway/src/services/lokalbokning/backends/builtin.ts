import type { Forening } from '@kommunkit/contract';
import { personById } from '../../../dev-idp/persons.js';
import type { LokalbokningBackend } from '../backend.js';
import type { LokalEntry } from '../settings.js';

/**
 * The built-in booking system: the lokaler of the kommun's file, bookings stored here. Förening
 * membership comes from the dev identity provider's test persons, and only while it is on
 * (never in production); otherwise nobody represents a förening until a kommun's register is
 * an adapter of its own.
 */
export function builtinBackend(lokaler: readonly LokalEntry[], { devIdentityProvider }: { devIdentityProvider: boolean }): LokalbokningBackend {
  return {
    lokaler: () => lokaler,
    foreningarOf(subject: string): Promise<Forening[]> {
      const forening = devIdentityProvider ? personById(subject)?.forening : undefined;
      return Promise.resolve(forening ? [{ organisationsnummer: forening.organisationsnummer, name: forening.name, role: forening.role }] : []);
    },
    accepted: () => Promise.resolve(),
  };
}
