import type { TestChild, TestPerson } from '../../../dev-idp/persons.js';
import { parseIdentity } from '../identity.js';
import type { PopulationRegister, RegisterChild, RegisterGuardian } from '../register.js';

/**
 * The development register: the dev identity provider's test persons and their children
 * (`dev-idp/persons.ts`), the fourth of them with protected identity. It validates every number
 * it gets and holds with `identity.ts`, as a real adapter must. With `enabled` false (no dev
 * identity provider, so in production) it knows nobody: a kommun's real register is an adapter
 * of its own.
 */
export function devRegister(persons: readonly TestPerson[], { enabled }: { enabled: boolean }): PopulationRegister {
  const known = enabled ? persons : [];
  const guardian = (person: TestPerson): RegisterGuardian => ({ personnummer: person.personnummer, givenName: person.givenName, familyName: person.familyName });
  const childOf = (child: TestChild, protectedIdentity: boolean): RegisterChild | undefined => {
    const identity = parseIdentity(child.personnummer);
    if (!identity) return undefined;
    return { id: child.id, personnummer: identity.number, givenName: child.givenName, familyName: child.familyName, birthDate: identity.birthDate, protectedIdentity };
  };
  const childrenOfPerson = (person: TestPerson): RegisterChild[] =>
    [...(person.children ?? []).map((child) => childOf(child, false)), ...(person.protectedChildren ?? []).map((child) => childOf(child, true))].filter((child) => child !== undefined);

  return {
    childrenOf(personnummer) {
      const identity = parseIdentity(personnummer);
      const person = identity && known.find((candidate) => candidate.personnummer === identity.number);
      if (!person) return Promise.resolve([]);
      const other = known.find((candidate) => candidate.id === person.otherGuardianId);
      return Promise.resolve(childrenOfPerson(person).map((child) => ({ ...child, otherGuardian: other ? guardian(other) : null })));
    },
    guardiansOf(childId) {
      const guardians = known.filter((person) => childrenOfPerson(person).some((child) => child.id === childId));
      const child = guardians[0] && childrenOfPerson(guardians[0]).find((candidate) => candidate.id === childId);
      return Promise.resolve(child ? { child, guardians: guardians.map(guardian) } : undefined);
    },
  };
}
