/** Detail of `kk-invoice-opened`: the invoice's id only, never its amounts or whom it is to. */
export interface InvoiceOpenedDetail {
  invoiceId: string;
}

// For the widget's `emit()`, which checks the name and the detail.
declare module '@kommunkit/ui' {
  interface KkEventMap {
    'kk-invoice-opened': InvoiceOpenedDetail;
  }
}

// For the page: the event bubbles and is composed, so listeners anywhere get a typed `e.detail`.
declare global {
  interface GlobalEventHandlersEventMap {
    'kk-invoice-opened': CustomEvent<InvoiceOpenedDetail>;
  }
}
