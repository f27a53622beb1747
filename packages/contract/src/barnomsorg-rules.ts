/**
 * Barnomsorg's rules that both the widget (the guarantee date and the fee it shows before the
 * guardian sends) and the gateway (what it stores and enforces) apply, so the two cannot drift
 * apart. Free of TypeBox (`@kommunkit/contract/barnomsorg-rules`). Dates are `YYYY-MM-DD`
 * calendar dates in Europe/Stockholm; amounts are whole öre. The personnummer check lives in
 * the gateway (`services/barnomsorg/identity.ts`, with the `personnummer` package): the widget
 * never sees one.
 */

export const placementTypes = ['forskola', 'pedagogisk_omsorg', 'fritidshem'] as const;
export type PlacementType = (typeof placementTypes)[number];

/**
 * The states of an application. Before `inskickad` it is an utkast: the guardian's server-side
 * draft (`/drafts/barnomsorg`), not an application yet. `aterkallad` only before an offer.
 */
export const applicationStatuses = ['inskickad', 'mottagen', 'erbjudande', 'accepterad', 'avbojd', 'aterkallad'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
/** An application in these states blocks another one for the same child and type. */
export const activeApplicationStatuses: readonly ApplicationStatus[] = ['inskickad', 'mottagen', 'erbjudande'];
/** The guardian may withdraw (återkalla) only before an offer. */
export const withdrawableStatuses: readonly ApplicationStatus[] = ['inskickad', 'mottagen'];

/** Why the child needs a place (skollagen 8 kap. 5–7 §§; 14 kap. 5 §). */
export const placementReasons = ['arbete', 'studier', 'arbetssokande', 'foraldraledig', 'barnets_behov'] as const;
export type PlacementReason = (typeof placementReasons)[number];

export const placementStatuses = ['aktiv', 'uppsagd', 'avslutad'] as const;
export type PlacementStatus = (typeof placementStatuses)[number];

/** Longest free text (other information, a message). */
export const maxFreeTextLength = 2000;
/** Longest short text (diet, mother tongue). */
export const maxShortTextLength = 200;
/** Longest schedule a child can have: 50 hours a week (06.00–19.00 five days is 65, no kommun offers it). */
export const maxHoursPerWeek = 60;

/** What a kommun may set (`services.barnomsorg` in its config), with the defaults of the issue. */
export interface BarnomsorgPolicy {
  /** How many units a guardian may rank (default 3). */
  maxRankedUnits: number;
  /** Days to answer an offer (default 14; Swedish practice is 5–14). */
  offerReplyDays: number;
  /** Whether the other guardian must confirm before the kommun handles the application. */
  otherGuardianMustConfirm: boolean;
  /** Months of notice when a placement is terminated (default 2). */
  noticeMonths: number;
}
export const defaultPolicy: BarnomsorgPolicy = { maxRankedUnits: 3, offerReplyDays: 14, otherGuardianMustConfirm: false, noticeMonths: 2 };

/** Maxtaxa (förordning 2001:160): the yearly-indexed ceiling is configuration, not code. */
export interface Maxtaxa {
  /** The year the ceiling applies to. */
  year: number;
  /** The household income ceiling per month, in öre (2025: 57 130 kr → 5 713 000). */
  incomeCeilingMonthlyOre: number;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date `YYYY-MM-DD`. */
export function isDate(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

/** `date` plus `months` calendar months, the day kept or clamped to the month's last (31 Oct + 4 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const toYear = Math.floor(total / 12);
  const toMonth = (total % 12) + 1;
  return `${pad(toYear, 4)}-${pad(toMonth)}-${pad(Math.min(day, daysInMonth(toYear, toMonth)))}`;
}

/** `date` plus `days` days. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

// Made on first use, not when the module loads: a page's first Intl formatter costs tens of
// milliseconds, which a widget's first view should not wait for.
let stockholmDate: Intl.DateTimeFormat | undefined;
/** The calendar date in Sweden at an instant: a child's age and a deadline turn at Swedish midnight. */
export const swedishDate = (at: Date): string =>
  (stockholmDate ??= new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' })).format(at);

/**
 * Skollagen 8 kap. 14 §: a förskola place is offered within four months of the application.
 * The guarantee date is four months after the day it was sent; an earlier wished start is allowed
 * (the kommun tries), never refused.
 */
export const guaranteeDate = (appliedOn: string): string => addMonths(appliedOn, 4);

/** Whether the wished start lies before the guarantee date (the widget warns; nothing is refused). */
export const startsBeforeGuarantee = (desiredStart: string, appliedOn: string): boolean => desiredStart < guaranteeDate(appliedOn);

/** Age in whole years on a date. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * The first day of school (förskoleklass, skollagen 7 kap. 10 §: the autumn term of the year the
 * child turns 6). Terms start in mid-August; the 1st of August is the line kommuner use for
 * placements.
 */
export const schoolStart = (birthDate: string): string => `${String(Number(birthDate.slice(0, 4)) + 6)}-08-01`;

/** The last day of fritidshem: the end of the spring term of the year the child turns 13 (skollagen 14 kap. 5 §). */
export const fritidshemEnd = (birthDate: string): string => `${String(Number(birthDate.slice(0, 4)) + 13)}-06-30`;

export type Ineligibility = 'for_ung' | 'skolstart' | 'inte_skolbarn' | 'for_gammal';

/**
 * Whether a child may have a place of `type` from `start`, by calendar year in Sweden:
 * förskola and pedagogisk omsorg from the day the child turns 1 (skollagen 8 kap. 3 §; 25 kap.)
 * until school starts; fritidshem from school start until the spring term of the year the child
 * turns 13. Null when eligible, else why not.
 */
export function ineligibility(type: PlacementType, birthDate: string, start: string): Ineligibility | null {
  if (type === 'fritidshem') {
    if (start < schoolStart(birthDate)) return 'inte_skolbarn';
    return start > fritidshemEnd(birthDate) ? 'for_gammal' : null;
  }
  if (ageOn(birthDate, start) < 1) return 'for_ung';
  return start >= schoolStart(birthDate) ? 'skolstart' : null;
}

/** The earliest start a child may have for `type`, on or after `today`, or null when never again. */
export function earliestStart(type: PlacementType, birthDate: string, today: string): string | null {
  const firstBirthday = addMonths(birthDate, 12);
  // Born 29 February: 28 February is still age 0 by `ageOn`, so the first day is 1 March.
  const oneYearOld = ageOn(birthDate, firstBirthday) < 1 ? addDays(firstBirthday, 1) : firstBirthday;
  const from = type === 'fritidshem' ? schoolStart(birthDate) : oneYearOld;
  const start = from > today ? from : today;
  return ineligibility(type, birthDate, start) === null ? start : null;
}

/**
 * Maxtaxa percentages of the household's monthly income by the child's place in the sibling
 * order (the youngest child with a place is child 1), förordning 2001:160 §§ 3 and 5: förskola
 * (and pedagogisk omsorg) 3, 2, 1 %; fritidshem 2, 1, 1 %; the fourth child and later free.
 */
const maxtaxaPercent: Record<PlacementType, readonly [number, number, number]> = {
  forskola: [3, 2, 1],
  pedagogisk_omsorg: [3, 2, 1],
  fritidshem: [2, 1, 1],
};

export interface FeeEstimate {
  /** Öre per month, rounded to whole kronor as Skolverket publishes the maxtaxa (3 % of 57 130 kr is 1 714 kr). */
  monthlyOre: number;
  percent: number;
  /** The income the percentage was taken of: the household's, capped at the ceiling. */
  incomeOre: number;
  capped: boolean;
  year: number;
}

/**
 * The monthly fee estimate (labelled as one wherever it is shown: the kommun decides the fee)
 * for a child who is `siblingOrder` (1 = the youngest with a place) in the household.
 */
export function feeEstimate(type: PlacementType, householdIncomeMonthlyOre: number, siblingOrder: number, maxtaxa: Maxtaxa): FeeEstimate {
  const incomeOre = Math.max(0, Math.min(householdIncomeMonthlyOre, maxtaxa.incomeCeilingMonthlyOre));
  const percent = siblingOrder >= 4 ? 0 : maxtaxaPercent[type][Math.max(1, siblingOrder) - 1]!;
  const monthlyOre = Math.round((incomeOre * percent) / 100 / 100) * 100;
  return { monthlyOre, percent, incomeOre, capped: householdIncomeMonthlyOre > maxtaxa.incomeCeilingMonthlyOre, year: maxtaxa.year };
}

/** Reply-by of an offer made on `offeredOn`: `offerReplyDays` later. */
export const replyBy = (offeredOn: string, policy: Pick<BarnomsorgPolicy, 'offerReplyDays'>): string => addDays(offeredOn, policy.offerReplyDays);

/**
 * The end of a placement given notice on `givenOn`: the wished last day, but never before the
 * notice period has run (`noticeMonths` after the notice, the day before the same date) and
 * never before the notice itself (a kommun without a notice period).
 */
export function noticeEndDate(givenOn: string, wishedEnd: string | undefined, policy: Pick<BarnomsorgPolicy, 'noticeMonths'>): string {
  const periodEnd = addDays(addMonths(givenOn, policy.noticeMonths), -1);
  const earliest = periodEnd < givenOn ? givenOn : periodEnd;
  return wishedEnd && wishedEnd > earliest ? wishedEnd : earliest;
}
