import type { invoiceFilters } from '@kommunkit/contract/fakturor-routes';

/** The list's filter: `unpaid` (obetalda), `paid` (betalda), `all` (alla). */
export type Filter = (typeof invoiceFilters)[number];
