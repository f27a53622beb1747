import type { TemplateResult } from 'lit';
import type { BarnomsorgController } from '../controller.js';
import { renderFirstPage } from '../pages/index.js';
import { viewOf, type ViewContext } from '../views.js';

/*
 * The form's first pages (child, type, start date), a chunk of their own: the widget opens on
 * the overview by default, and a page with it should not carry the form until the guardian asks
 * for it. The later pages are `steps/`, asked for on the start page.
 */

/** The page of the form the guardian is on, up to the start date. */
export function render(c: BarnomsorgController, context: ViewContext): TemplateResult | undefined {
  const view = viewOf(c, context);
  return view ? renderFirstPage(view) : undefined;
}

/** Styles beyond the element's own: none. */
export const styles = [];
