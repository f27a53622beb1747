export { KkMinaFakturor } from './fakturor.js';
export type { Filter } from './types.js';
export type { InvoiceOpenedDetail } from './events.js';
