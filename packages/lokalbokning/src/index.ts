export { KkLokalbokning } from './lokalbokning.js';
export type { View } from './types.js';
export type { BookingCancelledDetail, BookingConfirmedDetail } from './events.js';
