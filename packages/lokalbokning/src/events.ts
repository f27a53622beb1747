/** Detail of `kk-booking-confirmed`: ids and times only, never who booked or why. */
export interface BookingConfirmedDetail {
  bookingId: string;
  lokalId: string;
  /** ISO 8601 with offset. */
  start: string;
  end: string;
  status: 'preliminar' | 'bekraftad';
}

/** Detail of `kk-booking-cancelled`: ids and times only. */
export interface BookingCancelledDetail {
  bookingId: string;
  lokalId: string;
  start: string;
  end: string;
}

// For the widget's `emit()`, which checks the name and the detail.
declare module '@kommunkit/ui' {
  interface KkEventMap {
    'kk-booking-confirmed': BookingConfirmedDetail;
    'kk-booking-cancelled': BookingCancelledDetail;
  }
}

// For the page: the events bubble and are composed, so listeners anywhere get a typed `e.detail`.
declare global {
  interface GlobalEventHandlersEventMap {
    'kk-booking-confirmed': CustomEvent<BookingConfirmedDetail>;
    'kk-booking-cancelled': CustomEvent<BookingCancelledDetail>;
  }
}
