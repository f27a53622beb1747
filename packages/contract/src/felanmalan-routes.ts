/**
 * Method and path of felanmälan's citizen routes (a logged-in citizen's own reports, and the
 * edit or withdrawal of a new report), free of TypeBox like `routes.ts`. A module of its own,
 * not part of `routes`, so that only the widget code that calls them carries them
 * (`@kommunkit/contract/felanmalan-routes`); `operations` adds the schemas.
 */
export const felanmalanCitizenRoutes = {
  createMyReport: { method: 'POST', url: '/api/v1/:kommun/felanmalan/reports' },
  listMyReports: { method: 'GET', url: '/api/v1/:kommun/felanmalan/reports/mine' },
  getMyReport: { method: 'GET', url: '/api/v1/:kommun/felanmalan/reports/:reference' },
  editMyReport: { method: 'PUT', url: '/api/v1/:kommun/felanmalan/reports/:reference/description' },
  withdrawMyReport: { method: 'POST', url: '/api/v1/:kommun/felanmalan/reports/:reference/withdraw' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string }>;

/**
 * Felanmälan's geocoder (the kommun's address register), public reads, likewise in this module
 * so that only the map's and the position's chunks carry them.
 */
export const felanmalanGeocoderRoutes = {
  searchAddresses: { method: 'GET', url: '/api/v1/:kommun/felanmalan/addresses' },
  nearestAddress: { method: 'GET', url: '/api/v1/:kommun/felanmalan/addresses/nearest' },
} as const satisfies Record<string, { method: 'GET'; url: string }>;

/**
 * Header with the secret that lets the one who filed a report without logging in edit or
 * withdraw it (given once, when filing: `editToken`, Open311's `edit_token`).
 */
export const editTokenHeader = 'x-kommunkit-edit-token';
