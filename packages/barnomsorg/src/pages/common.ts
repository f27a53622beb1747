import { heading, questionPage, stepCaption, subLevel } from '@kommunkit/ui';
import { html, nothing, type TemplateResult } from 'lit';
import type { QuestionFrame } from './types.js';

/** A question page of the form: back link, "Steg 2 av 8", heading, error summary, form. */
export const flowPage = (view: QuestionFrame, title: string, content: unknown, onSubmit?: () => void): TemplateResult =>
  questionPage({
    headingLevel: view.headingLevel,
    title,
    ...(view.counter ? { caption: stepCaption(view.counter.index, view.counter.total) } : {}),
    ...(view.back ? { back: view.back } : {}),
    errors: view.errors,
    ...(onSubmit ? { onSubmit } : {}),
    content: html`${view.notices ?? nothing}${content}`,
  });

/** A heading one level below the page's. */
export const subHeading = (view: { headingLevel: QuestionFrame['headingLevel'] }, text: string, id?: string): TemplateResult =>
  heading({ level: subLevel(view.headingLevel), className: 'kk-heading kk-group-heading', ...(id ? { id } : {}) }, text);
