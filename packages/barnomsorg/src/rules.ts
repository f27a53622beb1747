import { msg, str } from '@kommunkit/ui/msg';
import {
  earliestStart,
  ineligibility,
  isDate,
  maxFreeTextLength,
  maxHoursPerWeek,
  maxShortTextLength,
  placementTypes,
  type PlacementType,
} from '@kommunkit/contract/barnomsorg-rules';
import { normalizeTime } from './answers.js';

/*
 * The form's checks of what the guardian answers, built on the rules the gateway applies
 * (`@kommunkit/contract/barnomsorg-rules`), so an application the widget lets through is one the
 * gateway accepts. Pure functions, no element and no DOM: they run in Node's unit tests. Each
 * returns a message when the value is wrong. Dates are written with `dateText` (the widget's
 * `formatDate`), so this file needs no Intl of its own.
 */

/** A `FieldRule` of `@kommunkit/ui`'s `FormController` (structurally; this file stays DOM-free). */
export interface ValueRule<V = string> {
  required?: () => string;
  validate?: (value: V) => string | undefined;
  isEmpty?: (value: V) => boolean;
}

/** What the rules of a page need to know of the child and the kommun. */
export interface RuleContext {
  /** The chosen child's birth date, `YYYY-MM-DD`; undefined before the children have loaded. */
  birthDate: () => string | undefined;
  type: () => PlacementType | '';
  /** Today in Sweden (`settings.today`, the gateway's date). */
  today: () => string | undefined;
  maxRankedUnits: () => number;
  dateText: (date: string) => string;
}

/** The placement types a child may have at some start from `today` on: the type page offers only these. */
export const eligibleTypes = (birthDate: string, today: string): PlacementType[] =>
  placementTypes.filter((type) => earliestStart(type, birthDate, today) !== null);

export const typeLabel = (type: PlacementType): string =>
  ({ forskola: msg('Förskola'), pedagogisk_omsorg: msg('Pedagogisk omsorg'), fritidshem: msg('Fritidshem') })[type];

/** Why a start date cannot be, in words; undefined when it can. */
export function startDateError(value: string, context: RuleContext): string | undefined {
  if (!isDate(value)) return msg('Skriv ett datum som finns, till exempel 2027-08-16');
  const today = context.today();
  if (today && value < today) return msg('Startdatumet måste vara i dag eller senare');
  const birthDate = context.birthDate();
  const type = context.type();
  if (!birthDate || !type) return undefined;
  const reason = ineligibility(type, birthDate, value);
  if (reason === null) return undefined;
  const earliest = today ? earliestStart(type, birthDate, today) : null;
  switch (reason) {
    case 'for_ung':
      return earliest
        ? msg(str`Barnet kan börja i förskola eller pedagogisk omsorg tidigast när det fyller 1 år, den ${context.dateText(earliest)}`)
        : msg('Barnet är för ungt för den här typen av plats vid det datumet');
    case 'skolstart':
      return msg('Barnet börjar i skolan vid det datumet. Välj ett tidigare datum, eller ansök om fritidshem.');
    case 'inte_skolbarn':
      return earliest
        ? msg(str`Fritidshem är för barn som har börjat skolan. Barnet kan börja tidigast den ${context.dateText(earliest)}`)
        : msg('Fritidshem är för barn som har börjat skolan');
    case 'for_gammal':
      return msg('Barnet kan inte ha plats på fritidshem efter vårterminen det år det fyller 13 år');
  }
}

const tooLong = (max: number, message: () => string) => (value: string) => (value.trim().length > max ? message() : undefined);

export const childRules = { childId: { required: () => msg('Välj vilket barn ansökan gäller') } } satisfies Record<string, ValueRule>;

export const typeRules = { type: { required: () => msg('Välj vilken typ av plats du ansöker om') } } satisfies Record<string, ValueRule>;

export const startRules = (context: RuleContext) =>
  ({
    desiredStartDate: { required: () => msg('Skriv när du vill att barnet ska börja'), validate: (value: string) => startDateError(value, context) },
  }) satisfies Record<string, ValueRule>;

export const unitsRules = (context: RuleContext) =>
  ({
    units: {
      required: () => msg('Välj minst en enhet som du vill att barnet ska få plats på'),
      isEmpty: (value: string[]) => value.length === 0,
      validate: (value: string[]) => {
        const max = context.maxRankedUnits();
        return value.length > max ? msg(str`Du kan välja högst ${max}`) : undefined;
      },
    },
  }) satisfies Record<string, ValueRule<string[]>>;

export const siblingRules = (hasSibling: () => string) =>
  ({
    hasSibling: { required: () => msg('Välj om barnet har syskon på någon av enheterna') },
    siblingUnitId: {
      required: () => msg('Välj var syskonet har sin plats'),
      isEmpty: (value: string) => hasSibling() === 'ja' && value === '',
    },
  }) satisfies Record<string, ValueRule>;

const timePattern = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
export const validTime = (value: string): boolean => timePattern.test(normalizeTime(value));

export const validateHours = (value: string): string | undefined => {
  const trimmed = value.trim();
  const hours = Number(trimmed);
  if (!/^\d+$/.test(trimmed)) return msg('Skriv antal timmar med siffror, till exempel 40');
  return hours < 1 || hours > maxHoursPerWeek ? msg(str`Antal timmar måste vara mellan 1 och ${maxHoursPerWeek}`) : undefined;
};

export const scheduleRules = (dropOff: () => string) =>
  ({
    hoursPerWeek: { required: () => msg('Skriv hur många timmar i veckan barnet behöver vara där'), validate: validateHours },
    dropOff: { required: () => msg('Skriv när barnet oftast lämnas'), validate: (value: string) => (validTime(value) ? undefined : msg('Skriv tiden som tt:mm, till exempel 07:30')) },
    pickUp: {
      required: () => msg('Skriv när barnet oftast hämtas'),
      validate: (value: string) => {
        if (!validTime(value)) return msg('Skriv tiden som tt:mm, till exempel 16:30');
        return validTime(dropOff()) && normalizeTime(value) <= normalizeTime(dropOff()) ? msg('Hämtningen måste vara senare än lämningen') : undefined;
      },
    },
    reason: { required: () => msg('Välj varför barnet behöver en plats') },
  }) satisfies Record<string, ValueRule>;

export const otherRules = {
  specialNeeds: { validate: tooLong(maxFreeTextLength, () => msg(str`Texten får vara högst ${maxFreeTextLength} tecken`)) },
  diet: { validate: tooLong(maxShortTextLength, () => msg(str`Texten får vara högst ${maxShortTextLength} tecken`)) },
  motherTongue: { validate: tooLong(maxShortTextLength, () => msg(str`Texten får vara högst ${maxShortTextLength} tecken`)) },
  message: { validate: tooLong(maxFreeTextLength, () => msg(str`Meddelandet får vara högst ${maxFreeTextLength} tecken`)) },
} satisfies Record<string, ValueRule>;

/** The household's income per month in kronor, as typed ("45 000", "45000"), in öre; undefined when it is not a number. */
export function incomeOre(value: string): number | undefined {
  const digits = value.replace(/[\s\u00a0]/g, '').replace(/kr$/i, '');
  if (!/^\d{1,9}$/.test(digits)) return undefined;
  return Number(digits) * 100;
}

/** The fee page's income: optional (the estimate is only for the guardian), a whole number of kronor when given. */
export const feeRules = {
  income: { validate: (value: string) => (incomeOre(value) === undefined ? msg('Skriv inkomsten i hela kronor med siffror, till exempel 45000') : undefined) },
} satisfies Record<string, ValueRule>;
