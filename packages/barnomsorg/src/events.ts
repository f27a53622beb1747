/** Detail of `kk-application-submitted`: the id only, never the child or the guardian. */
export interface ApplicationSubmittedDetail {
  applicationId: string;
}

/** Detail of `kk-offer-answered`: ids and the answer only. */
export interface OfferAnsweredDetail {
  applicationId: string;
  answer: 'accepterad' | 'avbojd';
}

// For the widget's `emit()`, which checks the name and the detail.
declare module '@kommunkit/ui' {
  interface KkEventMap {
    'kk-application-submitted': ApplicationSubmittedDetail;
    'kk-offer-answered': OfferAnsweredDetail;
  }
}

// For the page: the events bubble and are composed, so listeners anywhere get a typed `e.detail`.
declare global {
  interface GlobalEventHandlersEventMap {
    'kk-application-submitted': CustomEvent<ApplicationSubmittedDetail>;
    'kk-offer-answered': CustomEvent<OfferAnsweredDetail>;
  }
}
