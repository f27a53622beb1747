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
