import { msg } from '../localization.js';
import { html, nothing, type TemplateResult } from 'lit';
import { heading, type HeadingLevel } from '../heading.js';

/**
 * The page a flow ends on: a clear heading and the reference the citizen needs later. Its
 * heading is the focus target, so the step change lands here.
 */
export function confirmationPanel(options: {
  title: string;
  headingLevel: HeadingLevel;
  referenceLabel?: string;
  reference?: string;
  body?: unknown;
}): TemplateResult {
  return html`<div class="kk-panel">
    ${heading({ level: options.headingLevel, className: 'kk-panel__title', focusTarget: true }, options.title)}
    ${options.reference
      ? html`<p class="kk-panel__body">
          ${options.referenceLabel ?? msg('Ditt referensnummer')}<br /><strong class="kk-panel__reference"
            >${options.reference}</strong
          >
        </p>`
      : nothing}
    ${options.body ?? nothing}
  </div>`;
}
