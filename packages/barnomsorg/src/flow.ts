/**
 * The application form as one table (run by `@kommunkit/ui`'s flow engine): which page follows
 * which, what must be answered before a page makes sense, and which page corrects each of the
 * gateway's field errors (`/body/<field>` of a 422). No DOM.
 *
 *   child → type → start → units → sibling → schedule → other → fee → check → confirmation
 */
import { defineFlow } from '@kommunkit/ui';
import type { Answers } from './answers.js';
import type { FlowContext, Step } from './types.js';

export const flow = defineFlow<Step, Answers, FlowContext>([
  { id: 'child', fields: ['childId'], apiFields: ['childId'], done: (a) => a.childId !== '' },
  { id: 'type', fields: ['type'], apiFields: ['type'], done: (a) => a.type !== '' },
  { id: 'start', fields: ['desiredStartDate'], apiFields: ['desiredStartDate'], done: (a) => a.desiredStartDate !== '' },
  { id: 'units', fields: ['units'], apiFields: ['units', 'units*'], done: (a) => a.units.length > 0 },
  { id: 'sibling', fields: ['hasSibling', 'siblingUnitId'], apiFields: ['siblingUnitId'], done: (a) => a.hasSibling !== '' },
  {
    id: 'schedule',
    fields: ['hoursPerWeek', 'dropOff', 'pickUp', 'reason'],
    apiFields: ['schedule', 'schedule*', 'hoursPerWeek', 'dropOff', 'pickUp', 'reason'],
    done: (a) => a.hoursPerWeek !== '' && a.dropOff !== '' && a.pickUp !== '' && a.reason !== '',
  },
  // Every field no other page claims is corrected here, where the free texts are.
  { id: 'other', fields: ['specialNeeds', 'diet', 'motherTongue', 'message'], apiFields: ['specialNeeds', 'diet', 'motherTongue', 'message', '*'] },
  // The estimate is for the guardian alone: nothing on it is sent, so nothing there must be answered.
  { id: 'fee' },
  { id: 'check', review: true },
  { id: 'confirmation', end: true },
]);
