import type { HeadingLevel } from '@kommunkit/ui';

/** What the element adds to the controller: its heading level. */
export interface ViewContext {
  headingLevel: HeadingLevel;
}
