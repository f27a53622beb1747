import { msg } from '@kommunkit/ui';
import type { FormRules } from '@kommunkit/ui';
import { stockholmInstant } from './time.js';

/** The find form's answers, as typed. */
export type FindValues = {
  type: string;
  minCapacity: string;
  facts: string[];
  date: string;
  fromTime: string;
  toTime: string;
};

const clock = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The find form's rules: a capacity in digits; a time span needs its date and both ends, the end after the start. */
export function findRules(values: () => FindValues): FormRules<FindValues> {
  const spanAsked = () => {
    const v = values();
    return v.date !== '' || v.fromTime !== '' || v.toTime !== '';
  };
  return {
    minCapacity: { validate: (value) => (/^\d{1,6}$/.test(value.trim()) && Number(value) > 0 ? undefined : msg('Skriv antal personer med siffror, till exempel 20')) },
    date: {
      validate: (value) => (isoDate.test(value) ? undefined : msg('Skriv datumet som år-månad-dag, till exempel 2026-03-14')),
      // Empty is fine unless another part of the span is given: then the format message asks for it.
      isEmpty: (value) => value === '' && !spanAsked(),
    },
    fromTime: {
      validate: (value) => (clock.test(value) ? undefined : msg('Skriv tiden som timmar och minuter, till exempel 18:00')),
      isEmpty: (value) => value === '' && !spanAsked(),
    },
    toTime: {
      validate: (value) => {
        if (!clock.test(value)) return msg('Skriv tiden som timmar och minuter, till exempel 20:00');
        const from = values().fromTime;
        return clock.test(from) && value <= from ? msg('Sluttiden måste vara efter starttiden') : undefined;
      },
      isEmpty: (value) => value === '' && !spanAsked(),
    },
  };
}

/** The span the lokaler must be free for, when the citizen asked for one. */
export function freeSpan(v: FindValues): { freeFrom?: string; freeTo?: string } {
  if (!v.date || !v.fromTime || !v.toTime) return {};
  return { freeFrom: stockholmInstant(v.date, v.fromTime), freeTo: stockholmInstant(v.date, v.toTime) };
}
