/** Small types the widget's modules share; this file imports nothing of the widget's own. */

/** The widget's views: file a report, follow one by its reference number, or a logged-in citizen's own reports. */
export type View = 'anmal' | 'folj' | 'mina';

/** The question pages and the end, in the order of the flow table. */
export type Step = 'category' | 'place' | 'nearby' | 'details' | 'contact' | 'check' | 'confirmation';

/** A pin on the map, or the citizen's position. */
export interface Position {
  lat: number;
  long: number;
}

/** What the flow branches on besides the answers. */
export interface FlowContext {
  /** How many open reports of the chosen category are near the chosen place. */
  nearbyCount: number;
}
