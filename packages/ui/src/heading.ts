import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { literal, html as staticHtml, type StaticValue } from 'lit/static-html.js';

/** Heading levels a widget may use: the CMS page owns the `h1`. */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

const tags: Record<HeadingLevel, StaticValue> = {
  2: literal`h2`,
  3: literal`h3`,
  4: literal`h4`,
  5: literal`h5`,
  6: literal`h6`,
};

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

export function heading(options: HeadingOptions, content: unknown): TemplateResult {
  const tag = tags[options.level];
  return staticHtml`<${tag}
    id=${ifDefined(options.id)}
    class=${options.className ?? 'kk-heading'}
    tabindex=${ifDefined(options.focusTarget ? '-1' : undefined)}
    ?data-kk-focus-target=${options.focusTarget ?? false}
  >${content}</${tag}>`;
}
