export * from './routes.js';
export * from './felanmalan-routes.js';
export * from './lokalbokning-routes.js';
export * from './barnomsorg-routes.js';
export * from './fakturor-routes.js';
export {
  accessibilityFacts,
  activeBookingStatuses,
  alternativesOffered,
  bookingStatuses,
  bookingTimeZone,
  cancellableUntil,
  customerTypes,
  lokalTypes,
  maxAvailabilityDays,
  maxPurposeLength,
  maxSeasonWeeks,
  priceFor,
  type Price,
} from './lokalbokning-rules.js';
export {
  activeApplicationStatuses,
  applicationStatuses,
  defaultPolicy,
  feeEstimate,
  guaranteeDate,
  ineligibility,
  maxFreeTextLength,
  maxHoursPerWeek,
  maxShortTextLength,
  noticeEndDate,
  placementReasons,
  placementStatuses,
  placementTypes,
  withdrawableStatuses,
  type BarnomsorgPolicy,
  type FeeEstimate,
  type Ineligibility,
  type Maxtaxa,
} from './barnomsorg-rules.js';
export * from './embedding-routes.js';
export * from './embedding.js';
export * from './problem.js';
export * from './kommun.js';
export * from './auth.js';
export * from './drafts.js';
export * from './pagination.js';
export * from './health.js';
export * from './operations.js';
export * from './security.js';
export * from './felanmalan.js';
export * from './open311.js';
export * from './api-keys.js';
export * from './lokalbokning.js';
export * from './barnomsorg.js';
export * from './fakturor.js';
