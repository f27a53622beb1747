import { msg, str } from '@kommunkit/ui/msg';
import {
  isEmailAddress,
  isPhoneNumber,
  maxAddressLength,
  maxAttributeLength,
  maxDescriptionLength,
  maxNameLength,
  textLength,
} from '@kommunkit/contract/felanmalan-rules';

/*
 * The widget's checks of what the citizen types, built on the rules the gateway applies
 * (`@kommunkit/contract/felanmalan-rules`), so a report the widget lets through is one the
 * gateway accepts. Pure functions, no element and no DOM (nor `@kommunkit/ui`'s DOM types): they
 * run and typecheck in Node, where a unit test holds them against the gateway's `parseReport`. Each returns a message when the value is wrong.
 * Lengths are measured on the trimmed value, as the gateway does after the widget trims it.
 */

const tooLong = (value: unknown, max: number): boolean => typeof value === 'string' && textLength(value.trim()) > max;

export const validatePhone = (value: string): string | undefined =>
  isPhoneNumber(value) ? undefined : msg('Skriv telefonnumret med siffror, till exempel 070-123 45 67');

export const validateEmail = (value: string): string | undefined =>
  isEmailAddress(value) ? undefined : msg('Skriv e-postadressen i rätt format, till exempel namn@exempel.se');

export const validateFirstName = (value: string): string | undefined =>
  tooLong(value, maxNameLength) ? msg(str`Förnamnet får vara högst ${maxNameLength} tecken`) : undefined;

export const validateLastName = (value: string): string | undefined =>
  tooLong(value, maxNameLength) ? msg(str`Efternamnet får vara högst ${maxNameLength} tecken`) : undefined;

export const validateDescription = (value: unknown): string | undefined =>
  tooLong(value, maxDescriptionLength) ? msg(str`Beskrivningen får vara högst ${maxDescriptionLength} tecken`) : undefined;

export const validateAddress = (value: string): string | undefined =>
  tooLong(value, maxAddressLength) ? msg(str`Beskrivningen av platsen får vara högst ${maxAddressLength} tecken`) : undefined;

/** The answer to a category's free-text question (`string` and `text` datatypes). */
export const validateAttributeText = (value: unknown): string | undefined =>
  tooLong(value, maxAttributeLength) ? msg(str`Svaret får vara högst ${maxAttributeLength} tecken`) : undefined;

/** A `FieldRule` of `@kommunkit/ui`'s `FormController` (structurally; this file stays DOM-free). */
export interface ValueRule<V = string> {
  required?: () => string;
  validate?: (value: V) => string | undefined;
  isEmpty?: (value: V) => boolean;
}

/** Rules of the category page. */
export const categoryRules = { serviceCode: { required: () => msg('Välj vad felet gäller') } } satisfies Record<string, ValueRule>;

/** Rules of the place page: words, or a pin (`hasPin`) on its own, are enough. */
export const placeRules = (hasPin: () => boolean) =>
  ({
    address: {
      required: () => msg('Skriv var felet finns, eller välj platsen på kartan'),
      isEmpty: (value: string): boolean => value.trim() === '' && !hasPin(),
      validate: validateAddress,
    },
  }) satisfies Record<string, ValueRule>;

/** The rule of the details page's description; the category's questions add theirs. */
export const descriptionRule: ValueRule<unknown> = { required: () => msg('Beskriv vad som är fel'), validate: validateDescription };

/** Rules of the follow form. */
export const followRules = { reference: { required: () => msg('Skriv ärendenumret') } } satisfies Record<string, ValueRule>;

/** Rules of the contact page (`FormRules`): every field optional, each checked when given. */
export const contactRules: Record<'firstName' | 'lastName' | 'email' | 'phone', ValueRule> = {
  firstName: { validate: validateFirstName },
  lastName: { validate: validateLastName },
  email: { validate: validateEmail },
  phone: { validate: validatePhone },
};
