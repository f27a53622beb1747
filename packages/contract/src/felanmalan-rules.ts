/**
 * Felanmälan's input rules, the one source for both the widget (checks as the citizen types)
 * and the gateway (checks what arrives), so the two cannot drift apart. Free of TypeBox, like
 * `routes.ts`, so a widget bundle gets the rules and not a schema library
 * (`@kommunkit/contract/felanmalan-rules`). Lengths are `textLength()` of the trimmed value on
 * both sides.
 */

/**
 * A text's length as the limits count it: Unicode code points, as JSON Schema's `maxLength`
 * (and so the contract's schemas) and ui's character count do; "😀" is one, not two.
 */
// eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose: what the limits count
export const textLength = (text: string): number => [...text].length;

/** Open311 GeoReport v2 limits `description` to 4,000 characters. */
export const maxDescriptionLength = 4000;
/** kommunkit's limit for `first_name` and `last_name`: longer than any real name, too short for pasted text. */
export const maxNameLength = 100;
/** kommunkit's limit for `address_string` (an address, a crossing or a landmark in words). */
export const maxAddressLength = 500;
/** kommunkit's limit for the answer to a category's free-text question (`attribute[CODE]`). */
export const maxAttributeLength = 1000;
/** RFC 5321 §4.5.3.1.3 allows a 256-octet path including its angle brackets, so 254 for the address (RFC 3696 erratum 1690). */
export const maxEmailLength = 254;
/** kommunkit's limit: three photos show a fault from near, from afar and its surroundings. */
export const maxPhotos = 3;
/** kommunkit's limit per photo: the widget's 1600-pixel JPEGs are far smaller; this leaves room for other Open311 clients' originals. */
export const maxPhotoBytes = 8 * 1024 * 1024;
/** Fewest digits in a phone number: a Swedish number with its area code, or any number with its country code, has at least 7. */
export const minPhoneDigits = 7;
/** Most digits in a phone number, not counting an international prefix `+` or `00`: ITU-T E.164 allows 15. */
export const maxPhoneDigits = 15;
/** kommunkit's limit on how a phone number is written: 15 digits with room for spaces, dashes and parentheses. */
export const maxPhoneLength = 30;

/** Something@something.something, with no spaces: a shape check only; the mail server decides the rest. */
export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits, spaces, dashes and parentheses, with an optional leading `+`. */
const phoneCharacters = /^\+?[\d\s()-]+$/;

/** Whether `text` (trimmed) has the shape of an e-mail address and is not too long. */
export function isEmailAddress(text: string): boolean {
  const value = text.trim();
  return value.length <= maxEmailLength && emailPattern.test(value);
}

/**
 * Whether `text` (trimmed) is a phone number, Swedish (`070-123 45 67`, `08-123 456 78`) or
 * international (`+46 70 123 45 67`, `0046 70 123 45 67`, `+44 20 7946 0958`): digits written
 * with spaces, dashes and parentheses, an optional leading `+`, and between `minPhoneDigits` and
 * `maxPhoneDigits` digits (counted without an international prefix `00`). Digits are counted,
 * not characters, so `070 12 3` (6 digits in 8 characters) is refused.
 */
export function isPhoneNumber(text: string): boolean {
  const value = text.trim();
  if (value.length > maxPhoneLength || !phoneCharacters.test(value)) return false;
  const digits = value.replace(/\D/g, '');
  const significant = value.startsWith('+') ? digits : digits.replace(/^00/, '');
  return digits.length >= minPhoneDigits && significant.length <= maxPhoneDigits;
}
