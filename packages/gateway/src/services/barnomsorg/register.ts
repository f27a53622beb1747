/**
 * The population register (folkbokföringen, e.g. Skatteverket's Navet through the kommun), as a
 * port: who the logged-in guardian's children are, and who a child's guardians are. The gateway
 * never takes a child or a guardian from the client's word; every id route asks the register.
 * Both calls are asynchronous and may fail: the adapter throws `RegisterUnavailable` (or any
 * error), and the gateway answers 503 with Retry-After.
 *
 * - `childrenOf(personnummer)`: the children the person is vårdnadshavare for, each with the
 *   other vårdnadshavare (if any) and whether its identity is protected.
 * - `guardiansOf(childId)`: the child by its opaque id with all its vårdnadshavare, or undefined
 *   when the register knows no such child.
 *
 * A child's `id` is opaque and stable for the kommun (an adapter of a real register derives it,
 * e.g. as a keyed hash of the personnummer): it is what URLs and answers carry, never the number.
 */
export interface RegisterGuardian {
  personnummer: string;
  givenName: string;
  familyName: string;
}

export interface RegisterChild {
  id: string;
  personnummer: string;
  givenName: string;
  familyName: string;
  /** `YYYY-MM-DD`, from the personnummer (a samordningsnummer's day less 60). */
  birthDate: string;
  /** Skyddade personuppgifter: never listed, never applied for here. */
  protectedIdentity: boolean;
}

export interface PopulationRegister {
  childrenOf(personnummer: string): Promise<(RegisterChild & { otherGuardian: RegisterGuardian | null })[]>;
  guardiansOf(childId: string): Promise<{ child: RegisterChild; guardians: RegisterGuardian[] } | undefined>;
}

/** The register could not answer now (down, timed out): the client should try again later. */
export class RegisterUnavailable extends Error {
  override name = 'RegisterUnavailable';
}
