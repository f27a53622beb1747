import {
  isEmailAddress,
  isPhoneNumber,
  maxAddressLength,
  maxAttributeLength,
  maxNameLength,
  textLength,
  type Open311Errors,
} from '@kommunkit/contract';
import { checkedDescription, type ReportDetails } from '../domain.js';
import type { CategoryConfig } from '../settings.js';
import type { Fields } from './form.js';

// Sweden and its waters, generously: a report outside is a mistake in the position.
const sweden = { lat: [55, 69.2], long: [10.5, 24.5] } as const;

const one = (fields: Fields, name: string): string | undefined => {
  const value = fields.get(name)?.[0]?.trim();
  return value === '' ? undefined : value;
};

/** Reads `attribute[CODE]` and `attribute[CODE][]` fields into a map of code → value(s). */
function attributeFields(fields: Fields): Map<string, string[]> {
  const attributes = new Map<string, string[]>();
  for (const [name, values] of fields) {
    const match = /^attribute\[([^\]]+)\](\[\])?$/.exec(name);
    if (match) attributes.set(match[1]!, [...(attributes.get(match[1]!) ?? []), ...values.map((value) => value.trim()).filter(Boolean)]);
  }
  return attributes;
}

/**
 * Checks a new report against Open311's rules and the category's attributes. Every problem
 * is reported at once, each naming its field, in Swedish a citizen understands.
 */
export function parseReport(fields: Fields, category: CategoryConfig): { report: ReportDetails } | { errors: Open311Errors } {
  const errors: Open311Errors = [];
  const fail = (field: string, description: string) => errors.push({ code: 400, description, field });

  const latText = one(fields, 'lat');
  const longText = one(fields, 'long');
  const addressString = one(fields, 'address_string');
  const addressId = one(fields, 'address_id');
  let lat: number | undefined;
  let long: number | undefined;
  if (latText !== undefined || longText !== undefined) {
    lat = Number(latText);
    long = Number(longText);
    if (latText === undefined || longText === undefined || !Number.isFinite(lat) || !Number.isFinite(long)) {
      fail(latText === undefined || !Number.isFinite(lat) ? 'lat' : 'long', 'Ange platsen med både latitud och longitud (WGS84).');
    } else if (lat < sweden.lat[0] || lat > sweden.lat[1] || long < sweden.long[0] || long > sweden.long[1]) {
      fail('lat', 'Platsen ligger inte i Sverige. Kontrollera var du satte ut nålen.');
    }
  } else if (!addressString && !addressId) {
    fail('address_string', 'Ange var felet finns: en adress, en beskrivning av platsen eller en punkt på kartan.');
  }
  if (addressString && textLength(addressString) > maxAddressLength) fail('address_string', `Beskrivningen av platsen får vara högst ${String(maxAddressLength)} tecken.`);

  const description = checkedDescription(one(fields, 'description'));
  if ('error' in description) fail('description', description.error);

  const contact = { firstName: one(fields, 'first_name'), lastName: one(fields, 'last_name'), email: one(fields, 'email'), phone: one(fields, 'phone') };
  if (textLength(contact.firstName ?? '') > maxNameLength) fail('first_name', `Förnamnet får vara högst ${String(maxNameLength)} tecken.`);
  if (textLength(contact.lastName ?? '') > maxNameLength) fail('last_name', `Efternamnet får vara högst ${String(maxNameLength)} tecken.`);
  if (contact.email && !isEmailAddress(contact.email)) fail('email', 'Ange en e-postadress i rätt format, till exempel namn@exempel.se.');
  if (contact.phone && !isPhoneNumber(contact.phone)) fail('phone', 'Ange ett telefonnummer med siffror, till exempel 070-123 45 67.');

  const given = attributeFields(fields);
  const attributes: Record<string, string | string[]> = {};
  const known = new Map((category.attributes ?? []).map((attribute) => [attribute.code, attribute]));
  for (const code of given.keys()) if (!known.has(code)) fail(`attribute[${code}]`, 'Okänd uppgift för den här kategorin.');
  for (const attribute of category.attributes ?? []) {
    const field = `attribute[${attribute.code}]`;
    const values = given.get(attribute.code) ?? [];
    if (values.length === 0) {
      if (attribute.required) fail(field, `Svara på frågan: ${attribute.description}`);
      continue;
    }
    const keys = new Set((attribute.values ?? []).map((value) => value.key));
    switch (attribute.datatype) {
      case 'singlevaluelist':
        if (values.length !== 1 || !keys.has(values[0]!)) fail(field, `Välj ett av svaren på frågan: ${attribute.description}`);
        else attributes[attribute.code] = values[0]!;
        break;
      case 'multivaluelist':
        if (!values.every((value) => keys.has(value))) fail(field, `Välj bland svaren på frågan: ${attribute.description}`);
        else attributes[attribute.code] = values;
        break;
      case 'number':
        if (!Number.isFinite(Number(values[0]))) fail(field, `Svara med en siffra: ${attribute.description}`);
        else attributes[attribute.code] = values[0]!;
        break;
      case 'datetime':
        if (Number.isNaN(Date.parse(values[0]!))) fail(field, `Ange datum och tid: ${attribute.description}`);
        else attributes[attribute.code] = values[0]!;
        break;
      default:
        if (textLength(values[0]!) > maxAttributeLength) fail(field, `Svaret får vara högst ${String(maxAttributeLength)} tecken.`);
        else attributes[attribute.code] = values[0]!;
    }
  }

  if (errors.length > 0 || 'error' in description) return { errors };
  return {
    report: {
      serviceCode: category.code,
      description: description.description,
      lat,
      long,
      addressString,
      addressId,
      attributes,
      ...contact,
      deviceId: one(fields, 'device_id'),
      accountId: one(fields, 'account_id'),
    },
  };
}
