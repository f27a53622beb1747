export { KkBarnomsorg } from './barnomsorg.js';
export type { View } from './types.js';
export type { ApplicationSubmittedDetail, OfferAnsweredDetail } from './events.js';
