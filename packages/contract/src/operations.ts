import { Type, type TSchema } from 'typebox';
import { ApiKeyList, ApiKeyParams, apiKeyRoutes, IssuedApiKey, NewApiKey } from './api-keys.js';
import { CallbackQuery, LoginQuery, User } from './auth.js';
import {
  Application,
  ApplicationParams,
  BarnomsorgOverview,
  BarnomsorgSettings,
  CaseWorkApplications,
  CaseWorkApplicationsQuery,
  Children,
  NewApplication,
  NewApplicationMessage,
  NewOffer,
  OfferAnswer,
  Placement,
  PlacementNotice,
  PlacementParams,
  UnitsPage,
  UnitsQuery,
} from './barnomsorg.js';
import { barnomsorgCaseWorkerRoutes, barnomsorgRoutes } from './barnomsorg-routes.js';
import { Draft, DraftBody, DraftParams } from './drafts.js';
import { EmbeddingCheck, EmbeddingQuery } from './embedding.js';
import { embeddingRoutes } from './embedding-routes.js';
import {
  FinanceInvoice,
  FinanceListQuery,
  FinanceMessages,
  FinanceMessagesQuery,
  Invoice,
  InvoiceAnswer,
  InvoiceParams,
  InvoicesPage,
  InvoicesQuery,
  InvoiceStatusUpdate,
  NewInvoiceMessage,
  PdfFile,
  UblDocument,
  UnmatchedInvoices,
} from './fakturor.js';
import { fakturorFinanceRoutes, fakturorRoutes, ublMediaType } from './fakturor-routes.js';
import { Health, Readiness } from './health.js';
import { AddressList, AddressSearchQuery, NearestAddress, Open311ServiceRequest, PointQuery, ReportParams, StatusUpdate } from './felanmalan.js';
import { felanmalanCitizenRoutes, felanmalanGeocoderRoutes } from './felanmalan-routes.js';
import { MyReport, MyReportCreated, MyReportDescription, MyReports } from './felanmalan.js';
import { KommunInfo, KommunParams } from './kommun.js';
import {
  Availability,
  AvailabilityQuery,
  Booking,
  BookingDecision,
  BookingParams,
  CalendarFeed,
  CalendarFeedParams,
  Lokal,
  LokalerPage,
  LokalerQuery,
  LokalParams,
  MyBookings,
  MyBookingsQuery,
  MyForeningar,
  NewBooking,
  NewSeasonRequest,
  SeasonDecision,
  SeasonPreview,
  SeasonRequest,
  SeasonRequestParams,
  SeasonRequests,
  SlotTaken,
} from './lokalbokning.js';
import { lokalbokningCaseWorkerRoutes, lokalbokningRoutes } from './lokalbokning-routes.js';
import { Problem } from './problem.js';
import { routes } from './routes.js';
import { caseWorkers, citizenSession, financeSystem, optionalSession, publicRoute, reportOwner, type SecurityRequirement } from './security.js';

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify-style path: `:name` segments. */
  url: string;
  schema: {
    operationId: string;
    summary: string;
    description?: string;
    tags: string[];
    /** Who may call it (see `security.ts`); `[]` for a public route. */
    security: readonly SecurityRequirement[];
    /** Honours an `Idempotency-Key` header: a retry with the same key answers with the first result. */
    idempotencyKey?: true;
    /** Media types of the body when it is not JSON (the OpenAPI `requestBody`); the gateway's route parses them itself. */
    consumes?: readonly string[];
    /** Media type of the success answer when it is not JSON (the OpenAPI response `content`). */
    produces?: readonly string[];
    params?: TSchema;
    querystring?: TSchema;
    body?: TSchema;
    response: Record<number, TSchema>;
  };
}

const NoContent = Type.Null({ description: 'No content' });
const Redirect = Type.Null({ description: 'Redirect (Location header)' });
const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((status) => [status, Problem]));

/**
 * Every route of the gateway's contract, in one place: the gateway registers its handlers on
 * these definitions, the SDK builds its calls from them, and `openapi.json` is generated from them.
 */
export const operations = {
  getKommun: {
    ...routes.getKommun,
    schema: {
      operationId: 'getKommun',
      summary: "The kommun's name, theme tokens and enabled services",
      tags: ['kommun'],
      security: publicRoute,
      params: KommunParams,
      response: { 200: KommunInfo, ...problems(404) },
    },
  },
  login: {
    ...routes.login,
    schema: {
      operationId: 'login',
      summary: "Start e-legitimation login with the kommun's identity provider (full-page redirect)",
      tags: ['auth'],
      security: publicRoute,
      params: KommunParams,
      querystring: LoginQuery,
      response: { 302: Redirect, ...problems(400, 404) },
    },
  },
  loginCallback: {
    ...routes.loginCallback,
    schema: {
      operationId: 'loginCallback',
      summary: 'Where the identity provider returns; sets the session cookie and returns to the page',
      tags: ['auth'],
      security: publicRoute,
      params: KommunParams,
      querystring: CallbackQuery,
      response: { 302: Redirect, ...problems(400, 404) },
    },
  },
  me: {
    ...routes.me,
    schema: {
      operationId: 'me',
      summary: 'The logged-in citizen',
      tags: ['auth'],
      security: optionalSession,
      params: KommunParams,
      description: 'An anonymous visitor (no session, or one that has ended) is no error: 204 without a body.',
      response: { 200: User, 204: NoContent, ...problems(404) },
    },
  },
  logout: {
    ...routes.logout,
    schema: {
      operationId: 'logout',
      summary: 'End the session',
      tags: ['auth'],
      security: optionalSession,
      params: KommunParams,
      response: { 204: NoContent, ...problems(403, 404) },
    },
  },
  getDraft: {
    ...routes.getDraft,
    schema: {
      operationId: 'getDraft',
      summary: "The logged-in citizen's saved draft for a service",
      tags: ['drafts'],
      security: citizenSession,
      params: DraftParams,
      response: { 200: Draft, ...problems(401, 404) },
    },
  },
  saveDraft: {
    ...routes.saveDraft,
    schema: {
      operationId: 'saveDraft',
      summary: 'Save what the logged-in citizen has typed so far',
      tags: ['drafts'],
      security: citizenSession,
      params: DraftParams,
      body: DraftBody,
      response: { 200: Draft, ...problems(400, 401, 403, 404, 409, 413) },
    },
  },
  deleteDraft: {
    ...routes.deleteDraft,
    schema: {
      operationId: 'deleteDraft',
      summary: 'Throw away the saved draft',
      tags: ['drafts'],
      security: citizenSession,
      params: DraftParams,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
  },
  updateReportStatus: {
    ...routes.updateReportStatus,
    schema: {
      operationId: 'updateReportStatus',
      summary: "Case workers: change a report's status and add a public note (Authorization: Bearer <the kommun's case-worker key>)",
      tags: ['felanmalan'],
      security: caseWorkers,
      params: ReportParams,
      body: StatusUpdate,
      response: { 200: Open311ServiceRequest, ...problems(400, 401, 404) },
    },
  },
  issueApiKey: {
    ...apiKeyRoutes.issueApiKey,
    schema: {
      operationId: 'issueApiKey',
      summary: "Case workers: issue an Open311 api_key to an app or system, shown once (Authorization: Bearer <the kommun's case-worker key>)",
      tags: ['felanmalan'],
      security: caseWorkers,
      params: KommunParams,
      body: NewApiKey,
      response: { 201: IssuedApiKey, ...problems(400, 401, 404) },
    },
  },
  listApiKeys: {
    ...apiKeyRoutes.listApiKeys,
    schema: {
      operationId: 'listApiKeys',
      summary: "Case workers: the kommun's issued api_keys, revoked ones included, without the keys (Authorization: Bearer <the kommun's case-worker key>)",
      tags: ['felanmalan'],
      security: caseWorkers,
      params: KommunParams,
      response: { 200: ApiKeyList, ...problems(401, 404) },
    },
  },
  revokeApiKey: {
    ...apiKeyRoutes.revokeApiKey,
    schema: {
      operationId: 'revokeApiKey',
      summary: "Case workers: revoke an issued api_key at once; it stays listed (Authorization: Bearer <the kommun's case-worker key>)",
      tags: ['felanmalan'],
      security: caseWorkers,
      params: ApiKeyParams,
      response: { 204: NoContent, ...problems(400, 401, 404) },
    },
  },
  searchAddresses: {
    ...felanmalanGeocoderRoutes.searchAddresses,
    schema: {
      operationId: 'searchAddresses',
      summary: "Addresses in the kommun's register that match what the citizen typed, at most 10, best first",
      tags: ['felanmalan'],
      security: publicRoute,
      params: KommunParams,
      querystring: AddressSearchQuery,
      response: { 200: AddressList, ...problems(400, 404) },
    },
  },
  nearestAddress: {
    ...felanmalanGeocoderRoutes.nearestAddress,
    schema: {
      operationId: 'nearestAddress',
      summary: 'The address nearest to a point (a pin on the map), or 404 when none is within 250 m',
      tags: ['felanmalan'],
      security: publicRoute,
      params: KommunParams,
      querystring: PointQuery,
      response: { 200: NearestAddress, ...problems(400, 404) },
    },
  },
  createMyReport: {
    ...felanmalanCitizenRoutes.createMyReport,
    schema: {
      operationId: 'createMyReport',
      summary: 'A logged-in citizen files a report, linked to them',
      description:
        'The body is the form of `open311CreateRequest` (application/x-www-form-urlencoded, or multipart/form-data with photos in `media`), `jurisdiction_id` and `api_key` aside: the kommun is the path\'s and the session is the citizen\'s. An `Idempotency-Key` makes it safe to retry (the same key with another form is a 422). Field errors point at `/body/<field>` in Open311\'s names.',
      tags: ['felanmalan'],
      security: citizenSession,
      idempotencyKey: true,
      params: KommunParams,
      response: { 201: MyReportCreated, ...problems(400, 401, 403, 404, 413, 415, 422, 429) },
    },
  },
  listMyReports: {
    ...felanmalanCitizenRoutes.listMyReports,
    schema: {
      operationId: 'listMyReports',
      summary: "The logged-in citizen's own reports, newest first, with status and history",
      tags: ['felanmalan'],
      security: citizenSession,
      params: KommunParams,
      response: { 200: MyReports, ...problems(401, 404) },
    },
  },
  getMyReport: {
    ...felanmalanCitizenRoutes.getMyReport,
    schema: {
      operationId: 'getMyReport',
      summary: "One of the logged-in citizen's own reports (anyone else's is a 404, as an unknown one)",
      tags: ['felanmalan'],
      security: citizenSession,
      params: ReportParams,
      response: { 200: MyReport, ...problems(400, 401, 404) },
    },
  },
  editMyReport: {
    ...felanmalanCitizenRoutes.editMyReport,
    schema: {
      operationId: 'editMyReport',
      summary: "Correct a new report's description: by its owner's session or with `x-kommunkit-edit-token`",
      description:
        'Allowed within the kommun\'s `editWindowMinutes` of filing and while the status is `mottagen`; otherwise 409 saying why. A report that is not the caller\'s (no session of its owner, no right token) is a 404.',
      tags: ['felanmalan'],
      security: reportOwner,
      params: ReportParams,
      body: MyReportDescription,
      response: { 200: MyReport, ...problems(400, 403, 404, 409, 429) },
    },
  },
  withdrawMyReport: {
    ...felanmalanCitizenRoutes.withdrawMyReport,
    schema: {
      operationId: 'withdrawMyReport',
      summary: 'Withdraw a new report (status `aterkallad`, closed): by its owner\'s session or with `x-kommunkit-edit-token`',
      description: 'The same rules as `editMyReport`.',
      tags: ['felanmalan'],
      security: reportOwner,
      params: ReportParams,
      response: { 200: MyReport, ...problems(400, 403, 404, 409, 429) },
    },
  },
  checkEmbedding: {
    ...embeddingRoutes.checkEmbedding,
    schema: {
      operationId: 'checkEmbedding',
      summary: "Whether a page origin may embed a kommun's widgets, and where the gateway's config lists them",
      description:
        "For editors (the snippet builder) and for a widget whose calls get no answer: a browser cannot tell a CORS refusal from a network failure. Readable from any origin, without credentials. `origin` defaults to the request's `Origin` header; an unknown kommun is `known: false`, not an error.",
      tags: ['kommun'],
      security: publicRoute,
      querystring: EmbeddingQuery,
      response: { 200: EmbeddingCheck, ...problems(400) },
    },
  },
  listLokaler: {
    ...lokalbokningRoutes.listLokaler,
    schema: {
      operationId: 'listLokaler',
      summary: "The kommun's bookable lokaler, by name, filtered by type, capacity, accessibility facts and a span they are free for",
      tags: ['lokalbokning'],
      security: publicRoute,
      params: KommunParams,
      querystring: LokalerQuery,
      response: { 200: LokalerPage, ...problems(400, 404) },
    },
  },
  getLokal: {
    ...lokalbokningRoutes.getLokal,
    schema: {
      operationId: 'getLokal',
      summary: 'One lokal: facts, prices, terms and booking rules',
      tags: ['lokalbokning'],
      security: publicRoute,
      params: LokalParams,
      response: { 200: Lokal, ...problems(400, 404) },
    },
  },
  getAvailability: {
    ...lokalbokningRoutes.getAvailability,
    schema: {
      operationId: 'getAvailability',
      summary: "A lokal's free slots between two dates (Europe/Stockholm, at most 31 days), honouring every booking rule",
      tags: ['lokalbokning'],
      security: publicRoute,
      params: LokalParams,
      querystring: AvailabilityQuery,
      response: { 200: Availability, ...problems(400, 404) },
    },
  },
  listMyForeningar: {
    ...lokalbokningRoutes.listMyForeningar,
    schema: {
      operationId: 'listMyForeningar',
      summary: 'The föreningar the logged-in citizen may book for',
      tags: ['lokalbokning'],
      security: citizenSession,
      params: KommunParams,
      response: { 200: MyForeningar, ...problems(401, 404) },
    },
  },
  createBooking: {
    ...lokalbokningRoutes.createBooking,
    schema: {
      operationId: 'createBooking',
      summary: 'Book a time in a lokal, as the logged-in citizen or for a förening they represent',
      description:
        'The gateway computes the price and enforces every rule (422 names the one broken). Two bookings of one lokal can never overlap, buffers included: the database refuses the loser, which gets 409 with the nearest free times in `alternatives`. An `Idempotency-Key` makes it safe to retry.',
      tags: ['lokalbokning'],
      security: citizenSession,
      idempotencyKey: true,
      params: KommunParams,
      body: NewBooking,
      response: { 201: Booking, 409: SlotTaken, ...problems(400, 401, 403, 404, 422, 429) },
    },
  },
  listMyBookings: {
    ...lokalbokningRoutes.listMyBookings,
    schema: {
      operationId: 'listMyBookings',
      summary: "The logged-in citizen's bookings, upcoming first",
      tags: ['lokalbokning'],
      security: citizenSession,
      params: KommunParams,
      querystring: MyBookingsQuery,
      response: { 200: MyBookings, ...problems(400, 401, 404) },
    },
  },
  getMyBooking: {
    ...lokalbokningRoutes.getMyBooking,
    schema: {
      operationId: 'getMyBooking',
      summary: "One of the logged-in citizen's bookings (anyone else's is a 404)",
      tags: ['lokalbokning'],
      security: citizenSession,
      params: BookingParams,
      response: { 200: Booking, ...problems(400, 401, 404) },
    },
  },
  cancelBooking: {
    ...lokalbokningRoutes.cancelBooking,
    schema: {
      operationId: 'cancelBooking',
      summary: 'Cancel one of the citizen\'s bookings before its cancellation deadline (after it: 409, saying until when it was)',
      tags: ['lokalbokning'],
      security: citizenSession,
      params: BookingParams,
      response: { 200: Booking, ...problems(400, 401, 403, 404, 409) },
    },
  },
  bookingCalendar: {
    ...lokalbokningRoutes.bookingCalendar,
    schema: {
      operationId: 'bookingCalendar',
      summary: 'One of the citizen\'s bookings as an iCalendar file (text/calendar)',
      tags: ['lokalbokning'],
      security: citizenSession,
      params: BookingParams,
      response: { 200: Type.String({ description: 'text/calendar (RFC 5545)' }), ...problems(400, 401, 404) },
    },
  },
  createCalendarFeed: {
    ...lokalbokningRoutes.createCalendarFeed,
    schema: {
      operationId: 'createCalendarFeed',
      summary: "A private calendar feed address of the citizen's bookings; a new one replaces the last",
      tags: ['lokalbokning'],
      security: citizenSession,
      params: KommunParams,
      response: { 201: CalendarFeed, ...problems(401, 403, 404) },
    },
  },
  calendarFeed: {
    ...lokalbokningRoutes.calendarFeed,
    schema: {
      operationId: 'calendarFeed',
      summary: "The citizen's active bookings as an iCalendar feed; the secret in the address is the credential (calendar apps send no cookie)",
      tags: ['lokalbokning'],
      security: publicRoute,
      params: CalendarFeedParams,
      response: { 200: Type.String({ description: 'text/calendar (RFC 5545)' }), ...problems(400, 404) },
    },
  },
  previewSeasonRequest: {
    ...lokalbokningRoutes.previewSeasonRequest,
    schema: {
      operationId: 'previewSeasonRequest',
      summary: 'The occurrences a season request would ask for, each with its conflict; nothing is stored',
      tags: ['lokalbokning'],
      security: citizenSession,
      params: KommunParams,
      body: NewSeasonRequest,
      response: { 200: SeasonPreview, ...problems(400, 401, 403, 404, 422) },
    },
  },
  createSeasonRequest: {
    ...lokalbokningRoutes.createSeasonRequest,
    schema: {
      operationId: 'createSeasonRequest',
      summary: 'A förening asks for a weekly time over a season, as one request for the kommun to decide',
      tags: ['lokalbokning'],
      security: citizenSession,
      idempotencyKey: true,
      params: KommunParams,
      body: NewSeasonRequest,
      response: { 201: SeasonRequest, ...problems(400, 401, 403, 404, 422, 429) },
    },
  },
  listMySeasonRequests: {
    ...lokalbokningRoutes.listMySeasonRequests,
    schema: {
      operationId: 'listMySeasonRequests',
      summary: 'The season requests of the föreningar the citizen represents',
      tags: ['lokalbokning'],
      security: citizenSession,
      params: KommunParams,
      response: { 200: SeasonRequests, ...problems(401, 404) },
    },
  },
  decideBooking: {
    ...lokalbokningCaseWorkerRoutes.decideBooking,
    schema: {
      operationId: 'decideBooking',
      summary: 'Case workers: confirm or decline a preliminary booking',
      tags: ['lokalbokning'],
      security: caseWorkers,
      params: BookingParams,
      body: BookingDecision,
      response: { 200: Booking, ...problems(400, 401, 404, 409) },
    },
  },
  listSeasonRequests: {
    ...lokalbokningCaseWorkerRoutes.listSeasonRequests,
    schema: {
      operationId: 'listSeasonRequests',
      summary: "Case workers: the kommun's undecided season requests, oldest first",
      tags: ['lokalbokning'],
      security: caseWorkers,
      params: KommunParams,
      response: { 200: SeasonRequests, ...problems(401, 404) },
    },
  },
  decideSeasonRequest: {
    ...lokalbokningCaseWorkerRoutes.decideSeasonRequest,
    schema: {
      operationId: 'decideSeasonRequest',
      summary: 'Case workers: approve all or some occurrences of a season request, atomically (one taken meanwhile: 409, nothing booked)',
      tags: ['lokalbokning'],
      security: caseWorkers,
      params: SeasonRequestParams,
      body: SeasonDecision,
      response: { 200: SeasonRequest, ...problems(400, 401, 404, 409, 422) },
    },
  },
  getBarnomsorgSettings: {
    ...barnomsorgRoutes.getBarnomsorgSettings,
    schema: {
      operationId: 'getBarnomsorgSettings',
      summary: "The kommun's barnomsorg rules a guardian needs before applying: ranked units, reply time, notice period, the maxtaxa ceiling, areas",
      tags: ['barnomsorg'],
      security: publicRoute,
      params: KommunParams,
      response: { 200: BarnomsorgSettings, ...problems(400, 404) },
    },
  },
  listUnits: {
    ...barnomsorgRoutes.listUnits,
    schema: {
      operationId: 'listUnits',
      summary: "The kommun's förskolor, pedagogisk omsorg and fritidshem, with free places per start month",
      tags: ['barnomsorg'],
      security: publicRoute,
      params: KommunParams,
      querystring: UnitsQuery,
      response: { 200: UnitsPage, ...problems(400, 404) },
    },
  },
  listChildren: {
    ...barnomsorgRoutes.listChildren,
    schema: {
      operationId: 'listChildren',
      summary: "The logged-in guardian's children from the population register, by opaque id; a child with protected identity is never listed",
      tags: ['barnomsorg'],
      security: citizenSession,
      params: KommunParams,
      response: { 200: Children, ...problems(401, 404, 503) },
    },
  },
  createApplication: {
    ...barnomsorgRoutes.createApplication,
    schema: {
      operationId: 'createApplication',
      summary: 'Send an application for a place for one of the guardian\'s children',
      description:
        'The child must be the logged-in guardian\'s (else 404) and of the age the type allows (422 naming `desiredStartDate`); units must be of the type and at most `maxRankedUnits`. One active application per child and type: a second is 409. The draft (`/drafts/barnomsorg`) is deleted when it is sent. An `Idempotency-Key` makes it safe to retry.',
      tags: ['barnomsorg'],
      security: citizenSession,
      idempotencyKey: true,
      params: KommunParams,
      body: NewApplication,
      response: { 201: Application, ...problems(400, 401, 403, 404, 409, 422, 429, 503) },
    },
  },
  getBarnomsorgOverview: {
    ...barnomsorgRoutes.getBarnomsorgOverview,
    schema: {
      operationId: 'getBarnomsorgOverview',
      summary: "Mina ansökningar och placeringar: the applications and placements of the guardian's children, as either guardian",
      tags: ['barnomsorg'],
      security: citizenSession,
      params: KommunParams,
      response: { 200: BarnomsorgOverview, ...problems(401, 404, 503) },
    },
  },
  getApplication: {
    ...barnomsorgRoutes.getApplication,
    schema: {
      operationId: 'getApplication',
      summary: "One application, for the child's guardians only (anyone else: 404)",
      tags: ['barnomsorg'],
      security: citizenSession,
      params: ApplicationParams,
      response: { 200: Application, ...problems(400, 401, 404, 503) },
    },
  },
  withdrawApplication: {
    ...barnomsorgRoutes.withdrawApplication,
    schema: {
      operationId: 'withdrawApplication',
      summary: 'Withdraw (återkalla) an application before an offer has been made (after: 409)',
      tags: ['barnomsorg'],
      security: citizenSession,
      params: ApplicationParams,
      response: { 200: Application, ...problems(400, 401, 403, 404, 409, 503) },
    },
  },
  answerOffer: {
    ...barnomsorgRoutes.answerOffer,
    schema: {
      operationId: 'answerOffer',
      summary: 'Accept or decline the offered place before its reply-by date (after, or without an offer: 409); accepting makes the placement',
      tags: ['barnomsorg'],
      security: citizenSession,
      params: ApplicationParams,
      body: OfferAnswer,
      response: { 200: Application, ...problems(400, 401, 403, 404, 409, 503) },
    },
  },
  confirmApplication: {
    ...barnomsorgRoutes.confirmApplication,
    schema: {
      operationId: 'confirmApplication',
      summary: 'The other guardian confirms an application the kommun asks both guardians to agree on (the sender: 409)',
      tags: ['barnomsorg'],
      security: citizenSession,
      params: ApplicationParams,
      response: { 200: Application, ...problems(400, 401, 403, 404, 409, 503) },
    },
  },
  sendApplicationMessage: {
    ...barnomsorgRoutes.sendApplicationMessage,
    schema: {
      operationId: 'sendApplicationMessage',
      summary: 'A guardian writes to the kommun about an application',
      tags: ['barnomsorg'],
      security: citizenSession,
      params: ApplicationParams,
      body: NewApplicationMessage,
      response: { 201: Application, ...problems(400, 401, 403, 404, 422, 503) },
    },
  },
  givePlacementNotice: {
    ...barnomsorgRoutes.givePlacementNotice,
    schema: {
      operationId: 'givePlacementNotice',
      summary: 'Give notice (uppsägning) of a placement: the last day is the wished one, never before the notice period has run',
      tags: ['barnomsorg'],
      security: citizenSession,
      params: PlacementParams,
      body: PlacementNotice,
      response: { 200: Placement, ...problems(400, 401, 403, 404, 409, 422, 503) },
    },
  },
  listIncomingApplications: {
    ...barnomsorgCaseWorkerRoutes.listIncomingApplications,
    schema: {
      operationId: 'listIncomingApplications',
      summary: "Case workers: the kommun's applications, oldest first, optionally by status",
      tags: ['barnomsorg'],
      security: caseWorkers,
      params: KommunParams,
      querystring: CaseWorkApplicationsQuery,
      response: { 200: CaseWorkApplications, ...problems(400, 401, 404) },
    },
  },
  receiveApplication: {
    ...barnomsorgCaseWorkerRoutes.receiveApplication,
    schema: {
      operationId: 'receiveApplication',
      summary: 'Case workers: mark an application received (mottagen)',
      tags: ['barnomsorg'],
      security: caseWorkers,
      params: ApplicationParams,
      response: { 200: Application, ...problems(400, 401, 404, 409) },
    },
  },
  offerPlacement: {
    ...barnomsorgCaseWorkerRoutes.offerPlacement,
    schema: {
      operationId: 'offerPlacement',
      summary: 'Case workers: offer a place (unit, start date, reply-by)',
      tags: ['barnomsorg'],
      security: caseWorkers,
      params: ApplicationParams,
      body: NewOffer,
      response: { 200: Application, ...problems(400, 401, 404, 409, 422) },
    },
  },
  recordOfferAnswer: {
    ...barnomsorgCaseWorkerRoutes.recordOfferAnswer,
    schema: {
      operationId: 'recordOfferAnswer',
      summary: 'Case workers: record an answer the guardian gave another way (phone, letter)',
      tags: ['barnomsorg'],
      security: caseWorkers,
      params: ApplicationParams,
      body: OfferAnswer,
      response: { 200: Application, ...problems(400, 401, 404, 409) },
    },
  },
  replyToApplication: {
    ...barnomsorgCaseWorkerRoutes.replyToApplication,
    schema: {
      operationId: 'replyToApplication',
      summary: "Case workers: answer the guardians' messages on an application",
      tags: ['barnomsorg'],
      security: caseWorkers,
      params: ApplicationParams,
      body: NewApplicationMessage,
      response: { 201: Application, ...problems(400, 401, 404, 422) },
    },
  },
  listInvoices: {
    ...fakturorRoutes.listInvoices,
    schema: {
      operationId: 'listInvoices',
      summary: "The logged-in citizen's invoices and credit notes (their own and their föreningar's): unpaid first, earliest due first",
      tags: ['fakturor'],
      security: citizenSession,
      params: KommunParams,
      querystring: InvoicesQuery,
      response: { 200: InvoicesPage, ...problems(400, 401, 404) },
    },
  },
  getInvoice: {
    ...fakturorRoutes.getInvoice,
    schema: {
      operationId: 'getInvoice',
      summary: "One of the citizen's invoices, whole: lines, VAT, payment means, history and messages (anyone else's is a 404)",
      tags: ['fakturor'],
      security: citizenSession,
      params: InvoiceParams,
      response: { 200: Invoice, ...problems(400, 401, 404) },
    },
  },
  invoicePdf: {
    ...fakturorRoutes.invoicePdf,
    schema: {
      operationId: 'invoicePdf',
      summary: "One of the citizen's invoices as PDF (application/pdf): the embedded one when it really is a PDF, otherwise one made from the data",
      tags: ['fakturor'],
      security: citizenSession,
      params: InvoiceParams,
      produces: ['application/pdf'],
      response: { 200: PdfFile, ...problems(400, 401, 404) },
    },
  },
  sendInvoiceMessage: {
    ...fakturorRoutes.sendInvoiceMessage,
    schema: {
      operationId: 'sendInvoiceMessage',
      summary: 'Dispute one of the citizen\'s invoices (bestrid, with the reason) or ask for a payment plan',
      description: 'Stored and shown to the finance system (`listInvoiceMessages`); a dispute marks the invoice `disputed`, which keeps it from debt collection. A credit note takes no messages (409).',
      tags: ['fakturor'],
      security: citizenSession,
      params: InvoiceParams,
      body: NewInvoiceMessage,
      response: { 201: Invoice, ...problems(400, 401, 403, 404, 409, 429) },
    },
  },
  importInvoice: {
    ...fakturorFinanceRoutes.importInvoice,
    schema: {
      operationId: 'importInvoice',
      summary: "Finance system: import a Peppol BIS Billing 3.0 Invoice or CreditNote (UBL 2.1 XML) (Authorization: Bearer <the kommun's finance key>)",
      description:
        'The body is the UBL document as `application/xml`. 201 with the stored document; 200 with the same document when an identical one (same supplier, number and type, same bytes) was imported before; 409 when that number was imported with other content. A document that is not UBL, lacks a mandatory BIS 3 element, has a DOCTYPE, amounts that do not add up (BR-CO-10, 13, 14, 15, 16, BR-S-08) or a bankgiro or plusgiro number with a wrong check digit is a 422 whose `errors` name the element (`/body/cac:LegalMonetaryTotal/cbc:PayableAmount`); nothing of it is stored.',
      tags: ['fakturor'],
      security: financeSystem,
      params: KommunParams,
      consumes: [ublMediaType],
      body: UblDocument,
      response: { 200: FinanceInvoice, 201: FinanceInvoice, ...problems(400, 401, 404, 409, 413, 415, 422) },
    },
  },
  getFinanceInvoice: {
    ...fakturorFinanceRoutes.getFinanceInvoice,
    schema: {
      operationId: 'getFinanceInvoice',
      summary: "Finance system: one imported document with its history and messages (Authorization: Bearer <the kommun's finance key>)",
      tags: ['fakturor'],
      security: financeSystem,
      params: InvoiceParams,
      response: { 200: FinanceInvoice, ...problems(400, 401, 404) },
    },
  },
  updateInvoiceStatus: {
    ...fakturorFinanceRoutes.updateInvoiceStatus,
    schema: {
      operationId: 'updateInvoiceStatus',
      summary: "Finance system: a payment status (paid, partly paid, reminder sent, debt collection, credited, …), kept as history (Authorization: Bearer <the kommun's finance key>)",
      description: '`paid`, `partially_paid` and `overpaid` need the `amount` that came in. A disputed invoice does not go to debt collection (409) until the dispute is answered. A credit note has no payment status (409).',
      tags: ['fakturor'],
      security: financeSystem,
      params: InvoiceParams,
      body: InvoiceStatusUpdate,
      response: { 200: FinanceInvoice, ...problems(400, 401, 404, 409, 422) },
    },
  },
  answerInvoiceMessage: {
    ...fakturorFinanceRoutes.answerInvoiceMessage,
    schema: {
      operationId: 'answerInvoiceMessage',
      summary: "Finance system: answer the citizen's dispute or payment-plan request; shown in the invoice's history (Authorization: Bearer <the kommun's finance key>)",
      description: 'An answer ends the dispute: the invoice is no longer `disputed`.',
      tags: ['fakturor'],
      security: financeSystem,
      params: InvoiceParams,
      body: InvoiceAnswer,
      response: { 201: FinanceInvoice, ...problems(400, 401, 404, 409) },
    },
  },
  listInvoiceMessages: {
    ...fakturorFinanceRoutes.listInvoiceMessages,
    schema: {
      operationId: 'listInvoiceMessages',
      summary: "Finance system: the citizens' disputes and payment-plan requests, oldest first (Authorization: Bearer <the kommun's finance key>)",
      tags: ['fakturor'],
      security: financeSystem,
      params: KommunParams,
      querystring: FinanceMessagesQuery,
      response: { 200: FinanceMessages, ...problems(400, 401, 404) },
    },
  },
  listUnmatchedInvoices: {
    ...fakturorFinanceRoutes.listUnmatchedInvoices,
    schema: {
      operationId: 'listUnmatchedInvoices',
      summary: "Finance system: imported documents whose customer has no personnummer or organisationsnummer, so no citizen sees them (Authorization: Bearer <the kommun's finance key>)",
      tags: ['fakturor'],
      security: financeSystem,
      params: KommunParams,
      querystring: FinanceListQuery,
      response: { 200: UnmatchedInvoices, ...problems(400, 401, 404) },
    },
  },
  health: {
    ...routes.health,
    schema: {
      operationId: 'health',
      summary: 'The process is up',
      tags: ['operations'],
      security: publicRoute,
      // Input hygiene answers every request, this one too: a control character or a repeated query parameter is a 400.
      response: { 200: Health, ...problems(400) },
    },
  },
  ready: {
    ...routes.ready,
    schema: {
      operationId: 'ready',
      summary: 'The gateway can serve requests (database reachable)',
      tags: ['operations'],
      security: publicRoute,
      response: { 200: Readiness, 503: Readiness, ...problems(400) },
    },
  },
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
