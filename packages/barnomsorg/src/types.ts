/** Small types the widget's modules share; this file imports nothing of the widget's own. */

/** The widget's views: the guardian's applications and placements ("Mina ansökningar och placeringar"), and the application form. */
export type View = 'oversikt' | 'ansok';

/** The question pages and the end of the application form, in the order of the flow table. */
export type Step = 'child' | 'type' | 'start' | 'units' | 'sibling' | 'schedule' | 'other' | 'fee' | 'check' | 'confirmation';

/** What the flow branches on besides the answers: nothing (every page is on every path). */
export type FlowContext = Record<string, never>;
