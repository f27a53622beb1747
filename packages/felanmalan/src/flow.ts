/**
 * The felanmälan flow as one table (run by `@kommunkit/ui`'s flow engine): which page follows
 * which, what must be answered before a page makes sense, and which page corrects each of the
 * gateway's field errors. No DOM.
 *
 *   category → place → nearby (only when there are open reports nearby in that category)
 *     → details (description, the category's questions, photos) → contact → check → confirmation
 */
import { defineFlow } from '@kommunkit/ui';
import { hasPlace, type Answers } from './answers.js';
import type { FlowContext, Step } from './types.js';

export const flow = defineFlow<Step, Answers, FlowContext>([
  { id: 'category', fields: ['serviceCode'], apiFields: ['service_code'], done: (answers) => answers.serviceCode !== '' },
  { id: 'place', fields: ['address', 'lat', 'long'], apiFields: ['lat', 'long', 'address_string'], done: hasPlace },
  // Part of the place step in "Steg 2 av 5": the citizen cannot know before whether it comes.
  { id: 'nearby', when: (_, context) => context.nearbyCount > 0, partOfPrevious: true },
  {
    id: 'details',
    fields: ['description', 'attributes'],
    // Every field no other page claims is corrected here, where the report's own text is.
    apiFields: ['description', 'media', 'attribute[*', '*'],
    done: (answers) => answers.description.trim() !== '',
  },
  { id: 'contact', fields: ['firstName', 'lastName', 'email', 'phone'], apiFields: ['first_name', 'last_name', 'email', 'phone'] },
  { id: 'check', review: true },
  { id: 'confirmation', end: true },
]);
