import { Type, type Static, type TLiteral, type TUnion } from 'typebox';
import { KommunId } from './kommun.js';
import { accessibilityFacts, bookingStatuses, customerTypes, lokalTypes, maxPurposeLength, maxSeasonWeeks } from './lokalbokning-rules.js';
import { NumberedPage, PageQuery } from './pagination.js';
import { Problem } from './problem.js';

/**
 * Lokalbokning: the kommun's facilities (lokaler), their free times and the citizens' and
 * föreningar's bookings. Times are ISO 8601 with an explicit offset (`2026-03-29T10:00:00+02:00`),
 * reckoned in Europe/Stockholm; dates are `YYYY-MM-DD` there.
 */

/** A union of the literals of one of the rules' lists, typed as that list's union. */
const literals = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Union(values.map((value) => Type.Literal(value)), options) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;

export const LokalType = literals(lokalTypes, { description: 'idrottshall, mötesrum, samlingslokal or utomhusplan.' });
export const CustomerType = literals(customerTypes, { description: 'Who pays: privatperson, förening or företag.' });
export const AccessibilityFact = literals(accessibilityFacts, { description: 'Step-free entrance, accessible toilet, hearing loop.' });
export const BookingStatus = literals(bookingStatuses, { description: 'preliminär (waits for the kommun), bekräftad, avböjd, avbokad.' });
// The same unions as `lokalbokning-rules`' types, under the schemas' names.
export type LokalType = Static<typeof LokalType>;
export type CustomerType = Static<typeof CustomerType>;
export type AccessibilityFact = Static<typeof AccessibilityFact>;
export type BookingStatus = Static<typeof BookingStatus>;

/** `YYYY-MM-DD`, checked for a real date where it is read. */
export const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A date in Europe/Stockholm, `YYYY-MM-DD`.' });
/** `HH:MM`, 00:00–24:00. */
export const ClockTime = Type.String({ pattern: '^(?:[01]\\d|2[0-3]):[0-5]\\d$|^24:00$', description: 'Local time, `HH:MM` (24:00 is the end of the day).' });
/** A moment with its offset: the gateway answers every time this way. */
export const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 with an explicit offset, e.g. `2026-03-29T10:00:00+02:00`.' });

export const Slot = Type.Object({ start: Instant, end: Instant });
export type Slot = Static<typeof Slot>;

export const LokalParams = Type.Object({ kommun: KommunId, id: Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'The lokal id.' }) });
export type LokalParams = Static<typeof LokalParams>;
export const BookingParams = Type.Object({ kommun: KommunId, id: Type.String({ format: 'uuid', description: 'The booking id.' }) });
export type BookingParams = Static<typeof BookingParams>;

export const OpeningHours = Type.Object({
  weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 Monday … 7 Sunday.' }),
  open: ClockTime,
  close: ClockTime,
});
export type OpeningHours = Static<typeof OpeningHours>;

export const DateException = Type.Object({
  date: DateOnly,
  open: Type.Optional(ClockTime),
  close: Type.Optional(ClockTime),
  note: Type.Optional(Type.String({ maxLength: 200, description: 'Why, in Swedish ("Stängt för skolavslutning").' })),
}, { description: 'Other hours on one date; without open and close the lokal is closed that day.' });
export type DateException = Static<typeof DateException>;

export const BookingRules = Type.Object(
  {
    openingHours: Type.Array(OpeningHours, { description: 'Bookable hours per weekday; a weekday without an entry is closed.' }),
    exceptions: Type.Array(DateException),
    openOnPublicHolidays: Type.Boolean({ description: 'Swedish public holidays (computed) are closed unless this is true or an exception opens the date.' }),
    startIntervalMinutes: Type.Integer({ minimum: 15, maximum: 240, description: 'Bookings start on this grid, counted from the opening time.' }),
    minMinutes: Type.Integer({ minimum: 15 }),
    maxMinutes: Type.Integer({ minimum: 15 }),
    bufferBeforeMinutes: Type.Integer({ minimum: 0, maximum: 240, description: 'Kept free before each booking (setting up); may lie outside opening hours.' }),
    bufferAfterMinutes: Type.Integer({ minimum: 0, maximum: 240, description: 'Kept free after each booking (cleaning).' }),
    bookAheadDays: Type.Integer({ minimum: 1, maximum: 730, description: 'How far ahead a booking may start.' }),
    minNoticeMinutes: Type.Integer({ minimum: 0, description: 'How late one may book: at least this long before the start.' }),
    cancelBeforeHours: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'Cancellable until this many hours before the start; null: not by the citizen.' }),
    approval: Type.Union([Type.Literal('instant'), Type.Literal('needs_approval')], { description: 'instant: bekräftad at once; needs_approval: preliminär until the kommun decides.' }),
    maxActiveBookings: Type.Integer({ minimum: 1, description: 'Upcoming active bookings one person may hold in this lokal.' }),
  },
  { $id: 'BookingRules' },
);
export type BookingRules = Static<typeof BookingRules>;

export const LokalPrice = Type.Object({
  customerType: CustomerType,
  perHourOre: Type.Integer({ minimum: 0, description: 'Öre per hour excluding VAT.' }),
  vatPercent: Type.Integer({ minimum: 0, maximum: 25 }),
});
export type LokalPrice = Static<typeof LokalPrice>;

export const LokalSummary = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    type: LokalType,
    summary: Type.String({ description: 'One line on what the lokal suits.' }),
    address: Type.String(),
    position: Type.Optional(Type.Object({ lat: Type.Number(), lon: Type.Number() })),
    capacity: Type.Integer({ minimum: 1, description: 'Most persons at once.' }),
    accessibility: Type.Array(AccessibilityFact),
    prices: Type.Array(LokalPrice),
    approval: Type.Union([Type.Literal('instant'), Type.Literal('needs_approval')]),
  },
  { $id: 'LokalSummary' },
);
export type LokalSummary = Static<typeof LokalSummary>;

export const Lokal = Type.Object(
  {
    ...LokalSummary.properties,
    description: Type.String(),
    equipment: Type.Array(Type.String()),
    images: Type.Array(Type.Object({ url: Type.String({ format: 'uri' }), alt: Type.String() })),
    terms: Type.String({ description: 'The booking terms the citizen accepts.' }),
    rules: BookingRules,
    timeZone: Type.Literal('Europe/Stockholm'),
  },
  { $id: 'Lokal' },
);
export type Lokal = Static<typeof Lokal>;

export const LokalerQuery = Type.Object(
  {
    ...PageQuery.properties,
    type: Type.Optional(LokalType),
    minCapacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    facts: Type.Optional(Type.String({ maxLength: 200, description: 'Accessibility facts every result has, comma-separated: `stegfri_entre,horslinga`.' })),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Words in the name, summary or address.' })),
    freeFrom: Type.Optional(Instant),
    freeTo: Type.Optional(Type.String({ format: 'date-time', description: 'With `freeFrom`: only lokaler bookable for this whole span.' })),
  },
  { additionalProperties: false },
);
export type LokalerQuery = Static<typeof LokalerQuery>;

export const LokalerPage = Type.Object({ ...NumberedPage(LokalSummary).properties }, { $id: 'LokalerPage' });
export type LokalerPage = Static<typeof LokalerPage>;

export const AvailabilityQuery = Type.Object(
  { from: DateOnly, to: DateOnly },
  { additionalProperties: false, description: 'From and to (inclusive) in Europe/Stockholm, at most 31 days.' },
);
export type AvailabilityQuery = Static<typeof AvailabilityQuery>;

export const Availability = Type.Object(
  {
    lokalId: Type.String(),
    from: DateOnly,
    to: DateOnly,
    timeZone: Type.Literal('Europe/Stockholm'),
    slotMinutes: Type.Integer({ description: 'The length of each slot: the lokal\'s start interval.' }),
    slots: Type.Array(Slot, { description: 'Every free slot in the range, in order: a booking is a run of adjacent slots within the lokal\'s min and max length.' }),
    closedDates: Type.Array(Type.Object({ date: DateOnly, reason: Type.String({ description: 'In Swedish: "Juldagen", "Stängt för skolavslutning".' }) })),
    nextFree: Type.Union([Slot, Type.Null()], { description: 'The first free slot from now on, within the booking window (also when outside the range).' }),
  },
  { $id: 'Availability' },
);
export type Availability = Static<typeof Availability>;

export const Forening = Type.Object({
  organisationsnummer: Type.String({ pattern: '^\\d{6}-\\d{4}$' }),
  name: Type.String(),
  role: Type.Optional(Type.String()),
});
export type Forening = Static<typeof Forening>;
export const MyForeningar = Type.Object({ foreningar: Type.Array(Forening) }, { $id: 'MyForeningar' });
export type MyForeningar = Static<typeof MyForeningar>;

export const BookingPrice = Type.Object({
  customerType: CustomerType,
  perHourOre: Type.Integer(),
  netOre: Type.Integer(),
  vatOre: Type.Integer(),
  totalOre: Type.Integer(),
  vatPercent: Type.Integer(),
});
export type BookingPrice = Static<typeof BookingPrice>;

export const BookingStatusChange = Type.Object({ status: BookingStatus, at: Instant, note: Type.Optional(Type.String()) });
export type BookingStatusChange = Static<typeof BookingStatusChange>;

export const Booking = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    reference: Type.String({ description: 'Short reference to quote to the kommun, e.g. `EXS-B-2026-000123`.' }),
    lokalId: Type.String(),
    lokalName: Type.String(),
    start: Instant,
    end: Instant,
    status: BookingStatus,
    purpose: Type.String(),
    attendees: Type.Optional(Type.Integer({ minimum: 1 })),
    forening: Type.Optional(Forening),
    price: BookingPrice,
    cancellableUntil: Type.Union([Instant, Type.Null()], { description: 'Until when the citizen may cancel; null: not by the citizen.' }),
    seasonRequestId: Type.Optional(Type.String({ format: 'uuid' })),
    createdAt: Instant,
    history: Type.Array(BookingStatusChange),
  },
  { $id: 'Booking' },
);
export type Booking = Static<typeof Booking>;

export const NewBooking = Type.Object(
  {
    lokalId: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
    start: Instant,
    end: Instant,
    purpose: Type.String({ minLength: 1, maxLength: maxPurposeLength }),
    attendees: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    forening: Type.Optional(Type.String({ pattern: '^\\d{6}-\\d{4}$', description: 'Book on behalf of this förening (its organisationsnummer); the citizen must represent it.' })),
    acceptTerms: Type.Literal(true, { description: 'The citizen has read and accepts the lokal\'s terms.' }),
  },
  { $id: 'NewBooking', additionalProperties: false },
);
export type NewBooking = Static<typeof NewBooking>;

export const MyBookingsQuery = Type.Object({ ...PageQuery.properties }, { additionalProperties: false });
export const MyBookings = Type.Object({ ...NumberedPage(Booking).properties }, { $id: 'MyBookings' });
export type MyBookings = Static<typeof MyBookings>;

/** 409 on `createBooking`: the time was just taken; the nearest free times of the same length. */
export const SlotTaken = Type.Object(
  { ...Problem.properties, alternatives: Type.Array(Slot, { description: 'The nearest free times of the same length, earliest first.' }) },
  { $id: 'SlotTaken' },
);
export type SlotTaken = Static<typeof SlotTaken>;

export const BookingDecision = Type.Object(
  { decision: Type.Union([Type.Literal('bekraftad'), Type.Literal('avbojd')]), note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export type BookingDecision = Static<typeof BookingDecision>;

export const CalendarFeed = Type.Object({ url: Type.String({ format: 'uri', description: 'Private address for a calendar app; a new one replaces the last.' }) }, { $id: 'CalendarFeed' });
export type CalendarFeed = Static<typeof CalendarFeed>;
export const CalendarFeedParams = Type.Object({ kommun: KommunId, token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}\\.ics$' }) });

export const NewSeasonRequest = Type.Object(
  {
    lokalId: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
    forening: Type.String({ pattern: '^\\d{6}-\\d{4}$' }),
    weekday: Type.Integer({ minimum: 1, maximum: 7 }),
    startTime: ClockTime,
    endTime: ClockTime,
    fromDate: DateOnly,
    toDate: DateOnly,
    purpose: Type.String({ minLength: 1, maxLength: maxPurposeLength }),
    attendees: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    acceptTerms: Type.Literal(true),
  },
  { $id: 'NewSeasonRequest', additionalProperties: false, description: `A weekly time over at most ${String(maxSeasonWeeks)} weeks.` },
);
export type NewSeasonRequest = Static<typeof NewSeasonRequest>;

export const SeasonOccurrence = Type.Object({
  start: Instant,
  end: Instant,
  conflict: Type.Union([Type.Null(), Type.Literal('bokad'), Type.Literal('stangt'), Type.Literal('regel')], { description: 'null: free; bokad: another booking; stangt: closed (holiday, exception, hours); regel: outside the booking rules.' }),
  reason: Type.Optional(Type.String({ description: 'In Swedish.' })),
  status: Type.Union([Type.Literal('begard'), Type.Literal('beviljad'), Type.Literal('avslagen')]),
  bookingId: Type.Optional(Type.String({ format: 'uuid' })),
});
export type SeasonOccurrence = Static<typeof SeasonOccurrence>;

export const SeasonPreview = Type.Object({ occurrences: Type.Array(SeasonOccurrence), price: BookingPrice }, { $id: 'SeasonPreview' });
export type SeasonPreview = Static<typeof SeasonPreview>;

export const SeasonRequest = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    reference: Type.String(),
    lokalId: Type.String(),
    lokalName: Type.String(),
    forening: Forening,
    weekday: Type.Integer(),
    startTime: ClockTime,
    endTime: ClockTime,
    fromDate: DateOnly,
    toDate: DateOnly,
    purpose: Type.String(),
    status: Type.Union([Type.Literal('inskickad'), Type.Literal('beslutad')]),
    occurrences: Type.Array(SeasonOccurrence),
    price: BookingPrice,
    createdAt: Instant,
  },
  { $id: 'SeasonRequest' },
);
export type SeasonRequest = Static<typeof SeasonRequest>;
export const SeasonRequests = Type.Object({ items: Type.Array(SeasonRequest) }, { $id: 'SeasonRequests' });
export type SeasonRequests = Static<typeof SeasonRequests>;
export const SeasonRequestParams = BookingParams;

export const SeasonDecision = Type.Object(
  {
    approve: Type.Union([Type.Literal('all'), Type.Array(Instant, { maxItems: maxSeasonWeeks, uniqueItems: true })], { description: '`all` free occurrences, or the starts of those approved; the rest are refused.' }),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type SeasonDecision = Static<typeof SeasonDecision>;
