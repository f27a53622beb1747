import type { TemplateResult } from 'lit';
import { categoryPage } from './category.js';
import { placePage } from './place.js';
import type { CategoryView, PlaceView } from './types.js';

/** The template of the first two pages (the later ones, follow, nearby, confirmation and mine render from their features). */
export function renderPage(view: CategoryView | PlaceView): TemplateResult {
  switch (view.page) {
    case 'category':
      return categoryPage(view);
    case 'place':
      return placePage(view);
  }
}
