/** Small types the widget's modules share; this file imports nothing of the widget's own. */

/** The widget's views: find and book a lokal, a logged-in citizen's own bookings, a förening's season request. */
export type View = 'sok' | 'mina' | 'sasong';

/** The pages of the `sok` view, in order. */
export type Page = 'find' | 'lokal' | 'book' | 'receipt';
