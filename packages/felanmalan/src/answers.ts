import type { FelanmalanReport } from '@kommunkit/sdk/felanmalan';
import type { Position } from './types.js';

/** Everything the citizen has answered; kept in the draft. Photos are not: they cannot be stored. */
export type Answers = {
  serviceCode: string;
  /** Free-text place: address, crossing or landmark. */
  address: string;
  /** Pin on the map, or the citizen's position; empty when not given. */
  lat?: number | undefined;
  long?: number | undefined;
  description: string;
  /** Answers to the category's extra questions, by attribute code. */
  attributes: Record<string, string | string[]>;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
};

/** Version of the draft's shape; a draft of another version is not restored. */
export const answersVersion = 1;

export const emptyAnswers = (): Answers => ({
  serviceCode: '',
  address: '',
  description: '',
  attributes: {},
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
});

export const hasPosition = (answers: Pick<Answers, 'lat' | 'long'>): boolean =>
  typeof answers.lat === 'number' && typeof answers.long === 'number' && Number.isFinite(answers.lat) && Number.isFinite(answers.long);

export const positionOf = (answers: Pick<Answers, 'lat' | 'long'>): Position | null => (hasPosition(answers) ? { lat: answers.lat!, long: answers.long! } : null);

export const hasPlace = (answers: Answers): boolean => answers.address.trim() !== '' || hasPosition(answers);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const number = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The answers in a stored draft, keeping only values of the right type (a draft is input too). */
export function fromDraft(stored: Record<string, unknown>): Partial<Answers> {
  const answers: Partial<Answers> = {};
  for (const key of ['serviceCode', 'address', 'description', 'firstName', 'lastName', 'email', 'phone'] as const) {
    const value = text(stored[key]);
    if (value !== undefined) answers[key] = value;
  }
  const lat = number(stored.lat);
  const long = number(stored.long);
  if (lat !== undefined && long !== undefined) Object.assign(answers, { lat, long });
  if (isRecord(stored.attributes)) {
    const attributes: Answers['attributes'] = {};
    for (const [code, value] of Object.entries(stored.attributes)) {
      if (typeof value === 'string') attributes[code] = value;
      else if (Array.isArray(value)) attributes[code] = value.filter((item): item is string => typeof item === 'string');
    }
    answers.attributes = attributes;
  }
  return answers;
}

/** The report to file. Contact details go only to the kommun; empty ones are left out. */
export function toReport(answers: Answers): FelanmalanReport {
  return {
    serviceCode: answers.serviceCode,
    ...(hasPosition(answers) ? { lat: answers.lat, long: answers.long } : {}),
    ...(answers.address.trim() ? { address: answers.address.trim() } : {}),
    description: answers.description.trim(),
    attributes: answers.attributes,
    ...(answers.firstName.trim() ? { firstName: answers.firstName.trim() } : {}),
    ...(answers.lastName.trim() ? { lastName: answers.lastName.trim() } : {}),
    ...(answers.email.trim() ? { email: answers.email.trim() } : {}),
    ...(answers.phone.trim() ? { phone: answers.phone.trim() } : {}),
  };
}
