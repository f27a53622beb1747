/**
 * Method and path of lokalbokning's routes, free of TypeBox like `routes.ts`, in a module of
 * its own so that only lokalbokning's widget code carries them
 * (`@kommunkit/contract/lokalbokning-routes`); `operations` adds the schemas.
 */
export const lokalbokningRoutes = {
  listLokaler: { method: 'GET', url: '/api/v1/:kommun/lokalbokning/lokaler' },
  getLokal: { method: 'GET', url: '/api/v1/:kommun/lokalbokning/lokaler/:id' },
  getAvailability: { method: 'GET', url: '/api/v1/:kommun/lokalbokning/lokaler/:id/availability' },
  listMyForeningar: { method: 'GET', url: '/api/v1/:kommun/lokalbokning/foreningar' },
  createBooking: { method: 'POST', url: '/api/v1/:kommun/lokalbokning/bookings' },
  listMyBookings: { method: 'GET', url: '/api/v1/:kommun/lokalbokning/bookings/mine' },
  getMyBooking: { method: 'GET', url: '/api/v1/:kommun/lokalbokning/bookings/:id' },
  cancelBooking: { method: 'POST', url: '/api/v1/:kommun/lokalbokning/bookings/:id/cancel' },
  bookingCalendar: { method: 'GET', url: '/api/v1/:kommun/lokalbokning/bookings/:id/calendar.ics' },
  createCalendarFeed: { method: 'POST', url: '/api/v1/:kommun/lokalbokning/calendar-feed' },
  calendarFeed: { method: 'GET', url: '/api/v1/:kommun/lokalbokning/calendar-feed/:token' },
  previewSeasonRequest: { method: 'POST', url: '/api/v1/:kommun/lokalbokning/season-requests/preview' },
  createSeasonRequest: { method: 'POST', url: '/api/v1/:kommun/lokalbokning/season-requests' },
  listMySeasonRequests: { method: 'GET', url: '/api/v1/:kommun/lokalbokning/season-requests/mine' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string }>;

/** The case workers' side (the kommun's key): decide preliminary bookings and season requests. */
export const lokalbokningCaseWorkerRoutes = {
  decideBooking: { method: 'POST', url: '/api/v1/:kommun/lokalbokning/bookings/:id/decision' },
  listSeasonRequests: { method: 'GET', url: '/api/v1/:kommun/lokalbokning/season-requests' },
  decideSeasonRequest: { method: 'POST', url: '/api/v1/:kommun/lokalbokning/season-requests/:id/decision' },
} as const satisfies Record<string, { method: 'GET' | 'POST'; url: string }>;
