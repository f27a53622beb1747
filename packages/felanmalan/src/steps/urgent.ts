import type { Open311Attribute, Open311ServiceDefinition } from '@kommunkit/sdk/felanmalan';
import { attributeField } from '../questions.js';

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
