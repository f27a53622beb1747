import { Type, type Static, type TLiteral, type TUnion } from 'typebox';
import { applicationStatuses, maxFreeTextLength, maxHoursPerWeek, maxShortTextLength, placementReasons, placementStatuses, placementTypes } from './barnomsorg-rules.js';
import { KommunId } from './kommun.js';
import { NumberedPage, PageQuery } from './pagination.js';

/**
 * Barnomsorg: a guardian's applications for a place in förskola, pedagogisk omsorg or
 * fritidshem, the offers and placements that follow, and the messages on them. Children are
 * known by opaque ids: a personnummer is never in a URL or an answer. Dates are `YYYY-MM-DD` in
 * Europe/Stockholm.
 */

const literals = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Union(values.map((value) => Type.Literal(value)), options) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;

export const PlacementType = literals(placementTypes, { description: 'förskola, pedagogisk omsorg or fritidshem.' });
export const ApplicationStatus = literals(applicationStatuses, { description: 'inskickad → mottagen → erbjudande → accepterad | avböjd; återkallad before an offer.' });
export const PlacementReason = literals(placementReasons, { description: 'Why the child needs a place: work, studies, job seeking, parental leave, the child\'s own need.' });
export const PlacementStatus = literals(placementStatuses, { description: 'aktiv; uppsagd (notice given, `endDate` set); avslutad.' });
export type PlacementType = Static<typeof PlacementType>;
export type ApplicationStatus = Static<typeof ApplicationStatus>;
export type PlacementReason = Static<typeof PlacementReason>;
export type PlacementStatus = Static<typeof PlacementStatus>;

const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A date in Europe/Stockholm, `YYYY-MM-DD` (checked for a real date where it is read).' });
const Time = Type.String({ pattern: '^(?:[01]\\d|2[0-3]):[0-5]\\d$', description: '`HH:MM`.' });
const At = Type.String({ format: 'date-time' });
const Id = (description: string) => Type.String({ format: 'uuid', description });
const UnitId = Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'The unit id.' });

export const ApplicationParams = Type.Object({ kommun: KommunId, id: Id('The application id.') });
export type ApplicationParams = Static<typeof ApplicationParams>;
export const PlacementParams = Type.Object({ kommun: KommunId, id: Id('The placement id.') });
export type PlacementParams = Static<typeof PlacementParams>;

/** What the widget needs of the kommun's rules before the guardian starts. */
export const BarnomsorgSettings = Type.Object(
  {
    maxRankedUnits: Type.Integer({ minimum: 1, maximum: 10 }),
    offerReplyDays: Type.Integer({ minimum: 1, maximum: 60 }),
    otherGuardianMustConfirm: Type.Boolean(),
    noticeMonths: Type.Integer({ minimum: 0, maximum: 12 }),
    maxtaxa: Type.Object({
      year: Type.Integer(),
      incomeCeilingMonthlyOre: Type.Integer({ minimum: 0, description: 'The household income ceiling per month, in öre.' }),
    }),
    areas: Type.Array(Type.String(), { description: 'The kommun\'s areas (områden) that units belong to, for the filter.' }),
    today: DateOnly,
  },
  { $id: 'BarnomsorgSettings' },
);
export type BarnomsorgSettings = Static<typeof BarnomsorgSettings>;

export const GuardianRef = Type.Object({ name: Type.String({ description: 'Given and family name.' }) });

export const Child = Type.Object(
  {
    id: Id('Opaque id of the child, stable for this kommun.'),
    givenName: Type.String(),
    familyName: Type.String(),
    birthDate: DateOnly,
    otherGuardian: Type.Union([GuardianRef, Type.Null()], { description: 'The child\'s other vårdnadshavare from the population register, if any.' }),
  },
  { $id: 'Child' },
);
export type Child = Static<typeof Child>;

export const Children = Type.Object(
  {
    children: Type.Array(Child),
    someNotShown: Type.Boolean({ description: 'True when a child of the guardian has protected identity: it is never listed, and the guardian should contact the kommun.' }),
  },
  { $id: 'Children' },
);
export type Children = Static<typeof Children>;

export const FreePlaces = Type.Object({ month: Type.String({ pattern: '^\\d{4}-\\d{2}$' }), places: Type.Integer({ minimum: 0 }) });

export const Unit = Type.Object(
  {
    id: UnitId,
    name: Type.String(),
    type: PlacementType,
    area: Type.String(),
    address: Type.String(),
    position: Type.Optional(Type.Object({ lat: Type.Number(), lon: Type.Number() })),
    ageFrom: Type.Integer({ minimum: 0, maximum: 13 }),
    ageTo: Type.Integer({ minimum: 0, maximum: 13 }),
    profile: Type.String({ description: 'One line on the unit\'s profile ("Ur och skur", "Musik").' }),
    openingHours: Type.String({ description: 'Plain text, "06.30–18.00".' }),
    freePlaces: Type.Array(FreePlaces, { description: 'Free places per start month, from the kommun\'s system.' }),
  },
  { $id: 'Unit' },
);
export type Unit = Static<typeof Unit>;

export const UnitsQuery = Type.Object(
  {
    ...PageQuery.properties,
    type: Type.Optional(PlacementType),
    area: Type.Optional(Type.String({ maxLength: 100 })),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Words in the name, address or profile.' })),
  },
  { additionalProperties: false },
);
export type UnitsQuery = Static<typeof UnitsQuery>;
export const UnitsPage = Type.Object({ ...NumberedPage(Unit).properties }, { $id: 'UnitsPage' });
export type UnitsPage = Static<typeof UnitsPage>;

export const Schedule = Type.Object(
  {
    hoursPerWeek: Type.Integer({ minimum: 1, maximum: maxHoursPerWeek }),
    dropOff: Time,
    pickUp: Time,
  },
  { additionalProperties: false, description: 'The need in a normal week.' },
);
export type Schedule = Static<typeof Schedule>;

const ShortText = Type.String({ maxLength: maxShortTextLength });
const FreeText = Type.String({ maxLength: maxFreeTextLength });

export const NewApplication = Type.Object(
  {
    type: PlacementType,
    childId: Id('A child of the logged-in guardian (`listChildren`).'),
    desiredStartDate: DateOnly,
    units: Type.Array(UnitId, { minItems: 1, maxItems: 10, uniqueItems: true, description: 'Ranked, first choice first; at most the kommun\'s `maxRankedUnits`, each of the chosen type.' }),
    siblingUnitId: Type.Optional(UnitId),
    schedule: Schedule,
    reason: PlacementReason,
    specialNeeds: Type.Optional(FreeText),
    diet: Type.Optional(ShortText),
    motherTongue: Type.Optional(ShortText),
    message: Type.Optional(FreeText),
  },
  { $id: 'NewApplication', additionalProperties: false },
);
export type NewApplication = Static<typeof NewApplication>;

export const ApplicationStatusChange = Type.Object({ status: ApplicationStatus, at: At, note: Type.Optional(Type.String()) });
export type ApplicationStatusChange = Static<typeof ApplicationStatusChange>;

export const Offer = Type.Object({
  unitId: UnitId,
  unitName: Type.String(),
  startDate: DateOnly,
  replyBy: DateOnly,
  answer: Type.Union([Type.Literal('accepterad'), Type.Literal('avbojd'), Type.Null()]),
  answeredAt: Type.Union([At, Type.Null()]),
});
export type Offer = Static<typeof Offer>;

export const ApplicationMessage = Type.Object(
  {
    id: Id('The message id.'),
    from: Type.Union([Type.Literal('vardnadshavare'), Type.Literal('kommun')]),
    author: Type.String({ description: 'The guardian\'s name, or the kommun\'s ("Exempelstads kommun, förskoleantagningen").' }),
    text: Type.String(),
    at: At,
  },
  { $id: 'ApplicationMessage' },
);
export type ApplicationMessage = Static<typeof ApplicationMessage>;

export const Application = Type.Object(
  {
    id: Id('The application id.'),
    reference: Type.String({ description: 'Short reference to quote to the kommun, e.g. `EXS-F-2026-000123`.' }),
    type: PlacementType,
    child: Type.Object({ id: Type.String({ format: 'uuid' }), givenName: Type.String(), familyName: Type.String(), birthDate: DateOnly }),
    desiredStartDate: DateOnly,
    guaranteeDate: DateOnly,
    units: Type.Array(Type.Object({ id: UnitId, name: Type.String() }), { description: 'Ranked, first choice first.' }),
    siblingUnitId: Type.Optional(UnitId),
    schedule: Schedule,
    reason: PlacementReason,
    specialNeeds: Type.Optional(Type.String()),
    diet: Type.Optional(Type.String()),
    motherTongue: Type.Optional(Type.String()),
    message: Type.Optional(Type.String()),
    status: ApplicationStatus,
    /** Who sent it, as the reader sees it. */
    sentByMe: Type.Boolean({ description: 'True for the guardian who sent it; false for the other guardian reading it.' }),
    sentBy: GuardianRef,
    otherGuardianConfirmation: Type.Union([Type.Literal('behovs_inte'), Type.Literal('vantar'), Type.Literal('bekraftad')], {
      description: 'behovs_inte: the kommun does not ask for it (or there is no other guardian); vantar: the kommun waits for it; bekraftad.',
    }),
    offer: Type.Union([Offer, Type.Null()]),
    placementId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'The placement an accepted offer became.' }),
    history: Type.Array(ApplicationStatusChange),
    messages: Type.Array(ApplicationMessage),
    createdAt: At,
  },
  { $id: 'Application' },
);
export type Application = Static<typeof Application>;

export const Placement = Type.Object(
  {
    id: Id('The placement id.'),
    applicationId: Type.String({ format: 'uuid' }),
    type: PlacementType,
    child: Type.Object({ id: Type.String({ format: 'uuid' }), givenName: Type.String(), familyName: Type.String() }),
    unitId: UnitId,
    unitName: Type.String(),
    startDate: DateOnly,
    endDate: Type.Union([DateOnly, Type.Null()], { description: 'Set when notice has been given: the last day.' }),
    status: PlacementStatus,
    noticeGivenAt: Type.Union([At, Type.Null()]),
  },
  { $id: 'Placement' },
);
export type Placement = Static<typeof Placement>;

/** "Mina ansökningar och placeringar": everything of the guardian's children, as either guardian. */
export const BarnomsorgOverview = Type.Object(
  { applications: Type.Array(Application, { description: 'Newest first.' }), placements: Type.Array(Placement) },
  { $id: 'BarnomsorgOverview' },
);
export type BarnomsorgOverview = Static<typeof BarnomsorgOverview>;

export const OfferAnswer = Type.Object({ answer: Type.Union([Type.Literal('accepterad'), Type.Literal('avbojd')]) }, { $id: 'OfferAnswer', additionalProperties: false });
export type OfferAnswer = Static<typeof OfferAnswer>;

export const NewApplicationMessage = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: maxFreeTextLength }) },
  { $id: 'NewApplicationMessage', additionalProperties: false },
);
export type NewApplicationMessage = Static<typeof NewApplicationMessage>;

export const PlacementNotice = Type.Object(
  {
    wishedEndDate: Type.Optional(DateOnly),
    reason: Type.Optional(ShortText),
  },
  { $id: 'PlacementNotice', additionalProperties: false, description: 'The last day is the wished one, but never before the notice period has run.' },
);
export type PlacementNotice = Static<typeof PlacementNotice>;

// The case workers' side (the kommun's key).
export const CaseWorkApplicationsQuery = Type.Object(
  { ...PageQuery.properties, status: Type.Optional(ApplicationStatus) },
  { additionalProperties: false },
);
export type CaseWorkApplicationsQuery = Static<typeof CaseWorkApplicationsQuery>;
export const CaseWorkApplications = Type.Object({ ...NumberedPage(Application).properties }, { $id: 'CaseWorkApplications' });
export type CaseWorkApplications = Static<typeof CaseWorkApplications>;

export const NewOffer = Type.Object(
  {
    unitId: UnitId,
    startDate: DateOnly,
    replyBy: Type.Optional(DateOnly),
  },
  { $id: 'NewOffer', additionalProperties: false, description: '`replyBy` defaults to the kommun\'s `offerReplyDays` from today.' },
);
export type NewOffer = Static<typeof NewOffer>;
