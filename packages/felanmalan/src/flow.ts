/**
 * The felanmälan flow as a pure state machine: which question page follows which, what the
 * citizen must have answered before a page makes sense, and the report built from the
 * answers. No DOM here; the element keeps the history (`StepController`) and renders.
 *
 *   category → place → nearby (only when there are open reports nearby in that category)
 *     → details (description and photos) → contact → check → confirmation
 */
import type { FelanmalanReport, Open311Service } from '@kommunkit/sdk/felanmalan';

export const steps = ['category', 'place', 'nearby', 'details', 'contact', 'check', 'confirmation'] as const;
export type Step = (typeof steps)[number];

/** Everything the citizen has answered; kept in the draft. Photos are not: they cannot be stored. */
export interface Answers {
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
}

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

/** What the flow needs to know besides the answers, to branch. */
export interface FlowContext {
  /** How many open reports of the chosen category are near the chosen place. */
  nearbyCount: number;
}

export const hasPosition = (answers: Pick<Answers, 'lat' | 'long'>): boolean =>
  typeof answers.lat === 'number' && typeof answers.long === 'number' && Number.isFinite(answers.lat) && Number.isFinite(answers.long);

export const hasPlace = (answers: Answers): boolean => answers.address.trim() !== '' || hasPosition(answers);

/** The page after `step`. */
export function next(step: Step, context: FlowContext): Step {
  switch (step) {
    case 'category':
      return 'place';
    case 'place':
      return context.nearbyCount > 0 ? 'nearby' : 'details';
    case 'nearby':
      return 'details';
    case 'details':
      return 'contact';
    case 'contact':
      return 'check';
    case 'check':
    case 'confirmation':
      return 'confirmation';
  }
}

/** The question pages this citizen goes through, for "Steg 2 av 5". */
export function questionSteps(context: FlowContext): Step[] {
  return steps.filter((step) => step !== 'confirmation' && (step !== 'nearby' || context.nearbyCount > 0));
}

/** Whether the answers given so far are enough to show `step` (a restored draft must not skip a question). */
export function canShow(step: Step, answers: Answers): boolean {
  switch (step) {
    case 'category':
      return true;
    case 'place':
      return answers.serviceCode !== '';
    case 'nearby':
    case 'details':
      return answers.serviceCode !== '' && hasPlace(answers);
    case 'contact':
    case 'check':
      return answers.serviceCode !== '' && hasPlace(answers) && answers.description.trim() !== '';
    case 'confirmation':
      return false;
  }
}

/** The longest prefix of a saved path that the answers still support; a fresh start when none. */
export function restorePath(path: readonly string[], answers: Answers): Step[] {
  const restored: Step[] = [];
  for (const step of path) {
    if (!(steps as readonly string[]).includes(step) || !canShow(step as Step, answers)) break;
    restored.push(step as Step);
  }
  return restored.length > 0 && restored[0] === 'category' ? restored : ['category'];
}

/** Categories matching a search, by name, keywords, group and description; all when the search is empty. */
export function searchServices(services: readonly Open311Service[], query: string): Open311Service[] {
  const words = query.toLowerCase().trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...services];
  return services.filter((service) => {
    const haystack = [service.service_name, service.keywords, service.group, service.description].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Categories by group, groups and categories in the order the kommun lists them. */
export function groupServices(services: readonly Open311Service[]): [group: string, services: Open311Service[]][] {
  const groups = new Map<string, Open311Service[]>();
  for (const service of services) {
    const list = groups.get(service.group) ?? [];
    list.push(service);
    groups.set(service.group, list);
  }
  return [...groups];
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

/** The step where the gateway's error about `field` can be corrected. */
export function stepForField(field: string): Step {
  if (field === 'service_code') return 'category';
  if (field === 'lat' || field === 'long' || field === 'address_string') return 'place';
  if (field === 'first_name' || field === 'last_name' || field === 'email' || field === 'phone') return 'contact';
  return 'details';
}
