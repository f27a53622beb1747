import type { TemplateResult } from 'lit';
import { childPage } from './child.js';
import { startPage } from './start.js';
import { typePage } from './type.js';
import type { ChildView, StartView, TypeView } from './types.js';

/** The first pages of the form, by their view. */
export function renderFirstPage(view: ChildView | TypeView | StartView): TemplateResult {
  switch (view.page) {
    case 'child':
      return childPage(view);
    case 'type':
      return typePage(view);
    case 'start':
      return startPage(view);
  }
}
