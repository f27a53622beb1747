import { html, nothing, type TemplateResult } from 'lit';
import { heading, type HeadingLevel } from '../heading.js';
import { errorSummary, type ErrorSummaryItem } from './error-summary.js';
import { backLink } from './step-flow.js';

export interface QuestionPageOptions {
  headingLevel: HeadingLevel;
  title: string;
  /** Above the heading, e.g. "Steg 2 av 5" (see `stepCounter` for the usual wording). */
  caption?: string;
  /** Renders "Tillbaka" when given. */
  back?: () => void;
  /** The error summary at the top of the form, when not empty. */
  errors?: readonly ErrorSummaryItem[];
  /** When given, the content is a `<form novalidate>` that calls this instead of submitting. */
  onSubmit?: () => void;
  content: unknown;
}

/**
 * One GOV.UK-style question page: "Tillbaka", the caption, the heading that takes focus on a
 * step change (`StepController`), the error summary, then the form. Native validation is off:
 * the `FormController` checks the answers and the error summary reports them.
 */
export function questionPage(options: QuestionPageOptions): TemplateResult {
  const summary = options.errors?.length
    ? errorSummary({ errors: options.errors, headingLevel: options.headingLevel })
    : nothing;
  const body = html`${summary}${options.content}`;
  return html`${options.back ? backLink({ onClick: options.back }) : nothing}
    ${options.caption ? html`<p class="kk-step-counter">${options.caption}</p>` : nothing}
    ${heading({ level: options.headingLevel, focusTarget: true }, options.title)}
    ${options.onSubmit ? pageForm(options.onSubmit, body) : body}`;
}

function pageForm(onSubmit: () => void, content: unknown): TemplateResult {
  return html`<form
    novalidate
    @submit=${(event: Event) => {
      event.preventDefault();
      onSubmit();
    }}
  >
    ${content}
  </form>`;
}
