/** Detail of `kk-report-submitted`: ids only, never what the citizen wrote or who they are. */
export interface ReportSubmittedDetail {
  /** The report's reference number, e.g. `EXS-2026-000042`. */
  reference: string;
  /** Open311 `service_code` of the category reported in. */
  serviceCode: string;
}

// For the widget's `emit()`, which checks the name and the detail.
declare module '@kommunkit/ui' {
  interface KkEventMap {
    'kk-report-submitted': ReportSubmittedDetail;
  }
}

// For the page: the events bubble and are composed, so a listener on the element, the document
// or the window gets a typed `e.detail`. `HTMLElementEventMap`, `DocumentEventMap` and
// `WindowEventMap` all extend this map.
declare global {
  interface GlobalEventHandlersEventMap {
    'kk-report-submitted': CustomEvent<ReportSubmittedDetail>;
  }
}
