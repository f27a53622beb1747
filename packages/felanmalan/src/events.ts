/** Detail of `kk-report-submitted`: ids only, never what the citizen wrote or who they are. */
export interface ReportSubmittedDetail {
  /** The report's reference number, e.g. `EXS-2026-000042`. */
  reference: string;
  /** Open311 `service_code` of the category reported in. */
  serviceCode: string;
}

declare module '@kommunkit/ui' {
  interface KkEventMap {
    'kk-report-submitted': ReportSubmittedDetail;
  }
}
