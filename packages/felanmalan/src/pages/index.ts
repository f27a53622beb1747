import type { TemplateResult } from 'lit';
import { categoryPage } from './category.js';
import { checkPage } from './check.js';
import { contactPage } from './contact.js';
import { detailsPage } from './details.js';
import { placePage } from './place.js';
import type { PageView } from './types.js';

/** The template of the flow's page a view is for (the follow, nearby, confirmation and mine pages render from their features). */
export function renderPage(view: PageView): TemplateResult {
  switch (view.page) {
    case 'category':
      return categoryPage(view);
    case 'place':
      return placePage(view);
    case 'details':
      return detailsPage(view);
    case 'contact':
      return contactPage(view);
    case 'check':
      return checkPage(view);
  }
}
