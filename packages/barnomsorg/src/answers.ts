import { placementReasons, placementTypes, type PlacementReason, type PlacementType } from '@kommunkit/contract/barnomsorg-rules';
import type { NewApplication } from '@kommunkit/sdk/barnomsorg';

/**
 * Everything the guardian has answered; kept in the draft (this tab, and the server's
 * `/drafts/barnomsorg` once logged in). The fee page's household income is not in it: it never
 * leaves the page (the page says so).
 */
export type Answers = {
  childId: string;
  type: PlacementType | '';
  /** `YYYY-MM-DD`, or '' before it is answered. */
  desiredStartDate: string;
  /** Unit ids, first choice first. */
  units: string[];
  /** "Har barnet syskon på någon av enheterna?": `ja`, `nej`, or '' before it is answered. */
  hasSibling: '' | 'ja' | 'nej';
  /** The sibling's unit, with `hasSibling: 'ja'`. */
  siblingUnitId: string;
  /** As typed (a whole number of hours). */
  hoursPerWeek: string;
  /** `HH:MM` as typed (normalized by the rules). */
  dropOff: string;
  pickUp: string;
  reason: PlacementReason | '';
  specialNeeds: string;
  diet: string;
  motherTongue: string;
  message: string;
};

/** Version of the draft's shape; a draft of another version is not restored. */
export const answersVersion = 1;

export const emptyAnswers = (): Answers => ({
  childId: '',
  type: '',
  desiredStartDate: '',
  units: [],
  hasSibling: '',
  siblingUnitId: '',
  hoursPerWeek: '',
  dropOff: '',
  pickUp: '',
  reason: '',
  specialNeeds: '',
  diet: '',
  motherTongue: '',
  message: '',
});

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined => (values.includes(value as T) ? (value as T) : undefined);

/** The answers in a stored draft, keeping only values of the right type (a draft is input too). */
export function fromDraft(stored: Record<string, unknown>): Partial<Answers> {
  const answers: Partial<Answers> = {};
  for (const key of ['childId', 'desiredStartDate', 'siblingUnitId', 'hoursPerWeek', 'dropOff', 'pickUp', 'specialNeeds', 'diet', 'motherTongue', 'message'] as const) {
    const value = text(stored[key]);
    if (value !== undefined) answers[key] = value;
  }
  const type = oneOf(placementTypes, stored.type);
  if (type) answers.type = type;
  const reason = oneOf(placementReasons, stored.reason);
  if (reason) answers.reason = reason;
  const sibling = oneOf(['ja', 'nej'] as const, stored.hasSibling);
  if (sibling) answers.hasSibling = sibling;
  if (Array.isArray(stored.units)) answers.units = [...new Set(stored.units.filter((id): id is string => typeof id === 'string'))];
  return answers;
}

/** `7.30`, `0730` or `07:30` as `07:30`; anything else as it was typed (the rules say what is wrong). */
export function normalizeTime(value: string): string {
  const match = /^\s*(\d{1,2})[:.]?(\d{2})\s*$/.exec(value);
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]!}` : value.trim();
}

/** The application to send (contract data): trimmed, the optional texts left out when empty. */
export function toRequest(answers: Answers): NewApplication {
  const optional = (key: 'specialNeeds' | 'diet' | 'motherTongue' | 'message') => {
    const value = answers[key].trim();
    return value ? { [key]: value } : {};
  };
  return {
    type: answers.type as PlacementType,
    childId: answers.childId,
    desiredStartDate: answers.desiredStartDate,
    units: [...answers.units],
    ...(answers.hasSibling === 'ja' && answers.siblingUnitId ? { siblingUnitId: answers.siblingUnitId } : {}),
    schedule: { hoursPerWeek: Number(answers.hoursPerWeek.trim()), dropOff: normalizeTime(answers.dropOff), pickUp: normalizeTime(answers.pickUp) },
    reason: answers.reason as PlacementReason,
    ...optional('specialNeeds'),
    ...optional('diet'),
    ...optional('motherTongue'),
    ...optional('message'),
  };
}
