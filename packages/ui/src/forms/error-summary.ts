import { msg } from '../localization.js';
import { html, nothing, type TemplateResult } from 'lit';
import { heading, type HeadingLevel } from '../heading.js';

export interface ErrorSummaryItem {
  /** Id of the control to move focus to. */
  id: string;
  message: string;
}

/** Moves focus to a control in the same shadow root and brings its label into view. */
export function focusControl(from: Element, id: string): void {
  const root = from.getRootNode() as Document | ShadowRoot;
  const control = root.getElementById(id);
  if (!control) return;
  const label = control.closest('fieldset')?.querySelector('legend') ?? root.querySelector(`label[for="${CSS.escape(id)}"]`);
  (label ?? control).scrollIntoView({ block: 'start' });
  control.focus({ preventScroll: true });
}

/**
 * The GOV.UK error summary: shown above the form after a failed submit, it takes focus (see
 * `FormController`) and each link moves focus to its field. In a shadow root a `#id` link
 * cannot navigate, so the click moves focus itself; the `href` keeps it a real link.
 */
export function errorSummary(options: {
  errors: readonly ErrorSummaryItem[];
  headingLevel: HeadingLevel;
  title?: string;
}): TemplateResult | typeof nothing {
  if (options.errors.length === 0) return nothing;
  return html`<div class="kk-error-summary" tabindex="-1" role="alert" data-kk-error-summary>
    ${heading({ level: options.headingLevel, className: 'kk-error-summary__title' }, options.title ?? msg('Det finns problem'))}
    <ul class="kk-error-summary__list">
      ${options.errors.map(
        (error) =>
          html`<li>
            <a
              href="#${error.id}"
              @click=${(event: Event) => {
                event.preventDefault();
                focusControl(event.currentTarget as Element, error.id);
              }}
              >${error.message}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}
