import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** Heading levels a widget may use: the CMS page owns the `h1`. */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** Reads a `heading-level` attribute value; anything out of range falls back to 2, never 1. */
export function parseHeadingLevel(value: string | null | undefined): HeadingLevel {
  const level = Number(value);
  return Number.isInteger(level) && level >= 2 && level <= 6 ? (level as HeadingLevel) : 2;
}

/** The level `depth` steps below `level`, capped at 6, for sub-headings inside a widget. */
export function subLevel(level: HeadingLevel, depth = 1): HeadingLevel {
  return Math.min(6, level + depth) as HeadingLevel;
}

export interface HeadingOptions {
  level: HeadingLevel;
  id?: string;
  /** Marks the heading that takes focus when a step or view changes (see `StepController`). */
  focusTarget?: boolean;
  className?: string;
}

/**
 * One plain template per level rather than Lit's static html with a tag expression: that
 * keeps lit/static-html out of every widget's shared runtime, and the bundle's template
 * minifier can read plain templates.
 */
export function heading(options: HeadingOptions, content: unknown): TemplateResult {
  const id = ifDefined(options.id);
  const className = options.className ?? 'kk-heading';
  const tabindex = ifDefined(options.focusTarget ? '-1' : undefined);
  const focusTarget = options.focusTarget ?? false;
  switch (options.level) {
    case 2:
      return html`<h2 id=${id} class=${className} tabindex=${tabindex} ?data-kk-focus-target=${focusTarget}>${content}</h2>`;
    case 3:
      return html`<h3 id=${id} class=${className} tabindex=${tabindex} ?data-kk-focus-target=${focusTarget}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id} class=${className} tabindex=${tabindex} ?data-kk-focus-target=${focusTarget}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id} class=${className} tabindex=${tabindex} ?data-kk-focus-target=${focusTarget}>${content}</h5>`;
    case 6:
      return html`<h6 id=${id} class=${className} tabindex=${tabindex} ?data-kk-focus-target=${focusTarget}>${content}</h6>`;
  }
}
