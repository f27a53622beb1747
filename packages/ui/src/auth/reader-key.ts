import type { User } from '@kommunkit/sdk';

/**
 * "Whose data" as a task argument, so that a widget behind a login gate asks for the citizen's
 * own data at once, beside `auth/me`, not after it: the session cookie says whose it is, and
 * without one the gateway answers 401, which the login state learns from. The key stays the
 * same from the moment the login state is still unknown to the person it turns out to be (no
 * second read when `auth/me` answers) and changes only when another person logs in.
 */
export class ReaderKey {
  private current: { key: object; person: string | undefined } | undefined;

  /** Whether a key has been given out since the last time nobody was logged in. */
  get started(): boolean {
    return this.current !== undefined;
  }

  /** Null when nobody is logged in, else the reader's key (`user` undefined: not known yet). */
  keyFor(user: User | null | undefined): object | null {
    if (user === null) {
      this.current = undefined;
      return null;
    }
    const person = user ? `${user.kommun} ${user.name}` : undefined;
    if (!this.current || (person && this.current.person && this.current.person !== person)) this.current = { key: {}, person };
    else this.current.person ??= person;
    return this.current.key;
  }
}
