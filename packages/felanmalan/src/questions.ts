import type { Question } from '@kommunkit/ui';
import type { Open311Attribute, Open311ServiceDefinition } from '@kommunkit/sdk/felanmalan';
import { validateAttributeText } from './rules.js';

/** Form field name of a category's extra question. */
export const attributeField = (code: string): string => `attr_${code}`;

/** More choices than this are a select, fewer are radios: a long radio list buries the button. */
const maxRadios = 6;

function kindOf(attribute: Open311Attribute): Question['kind'] {
  switch (attribute.datatype) {
    case 'singlevaluelist':
      return (attribute.values?.length ?? 0) > maxRadios ? 'select' : 'radios';
    case 'multivaluelist':
      return 'checkboxes';
    case 'text':
      return 'textarea';
    case 'datetime':
      return 'date';
    case 'number':
      return 'number';
    case 'string':
      return 'text';
  }
}

/** A category's extra questions (Open311 attributes the citizen answers), in the kommun's order. */
export function questionsOf(definition: Open311ServiceDefinition | undefined): Question[] {
  return (definition?.attributes ?? [])
    .filter((attribute) => attribute.variable)
    .sort((a, b) => a.order - b.order)
    .map((attribute) => ({
      name: attributeField(attribute.code),
      label: attribute.description,
      kind: kindOf(attribute),
      required: attribute.required,
      ...(attribute.datatype_description ? { hint: attribute.datatype_description } : {}),
      ...(attribute.values ? { choices: attribute.values.map((value) => ({ value: value.key, label: value.name })) } : {}),
      ...(attribute.datatype === 'string' || attribute.datatype === 'text' ? { validate: validateAttributeText } : {}),
    }));
}

/** An answer as the kommunkit gateway sends it: one that means danger now names the number to phone (extension). */
type AnswerValue = NonNullable<Open311Attribute['values']>[number] & { urgent_phone?: string };

/**
 * The number to phone at once, when an answer given means danger now (the gateway's
 * `urgent_phone` on that answer, from the kommun's config); undefined otherwise.
 */
export function urgentPhoneOf(definition: Open311ServiceDefinition | undefined, values: Record<string, unknown>): string | undefined {
  for (const attribute of definition?.attributes ?? []) {
    const given = values[attributeField(attribute.code)];
    const chosen: unknown[] = Array.isArray(given) ? given : [given];
    const answers: AnswerValue[] = attribute.values ?? [];
    const urgent = answers.find((value) => value.urgent_phone && chosen.includes(value.key));
    if (urgent) return urgent.urgent_phone;
  }
  return undefined;
}
