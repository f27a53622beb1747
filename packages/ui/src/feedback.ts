import { msg } from './localization.js';
import { html, nothing, type TemplateResult } from 'lit';
import { heading, type HeadingLevel } from './heading.js';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'error';

/**
 * A message box. `error` and `warning` interrupt (role=alert); the others are announced
 * politely (role=status). Put it in the page before its content changes so the announcement
 * is heard.
 */
export function alert(options: {
  tone: Exclude<Tone, 'neutral'>;
  title?: string;
  headingLevel?: HeadingLevel;
  body: unknown;
}): TemplateResult {
  const urgent = options.tone === 'error' || options.tone === 'warning';
  return html`<div class="kk-alert kk-alert--${options.tone}" role=${urgent ? 'alert' : 'status'}>
    ${options.title
      ? heading({ level: options.headingLevel ?? 3, className: 'kk-alert__title' }, options.title)
      : nothing}
    <div class="kk-alert__body">${options.body}</div>
  </div>`;
}

/** A short status label, such as a report's "Mottagen" or an invoice's "Betald". */
export function statusTag(options: { label: string; tone?: Tone }): TemplateResult {
  return html`<strong class="kk-tag kk-tag--${options.tone ?? 'neutral'}">${options.label}</strong>`;
}

/** A busy indicator whose text is announced; the animation stops for reduced motion. */
export function spinner(options: { label?: string } = {}): TemplateResult {
  return html`<div class="kk-spinner" role="status">
    <span class="kk-spinner__icon" aria-hidden="true"></span>
    <span class="kk-spinner__label">${options.label ?? msg('Laddar…')}</span>
  </div>`;
}

export type ButtonVariant = 'primary' | 'secondary' | 'warning';

/**
 * A native button. `busy` keeps it focusable and pressable-looking but marks it with
 * `aria-disabled` and a spinner, so a double click does not submit twice and focus stays put.
 */
export function button(options: {
  label: string;
  variant?: ButtonVariant;
  type?: 'button' | 'submit';
  disabled?: boolean;
  busy?: boolean;
  onClick?: (event: Event) => void;
}): TemplateResult {
  return html`<button
    type=${options.type ?? 'button'}
    class="kk-button kk-button--${options.variant ?? 'primary'}"
    ?disabled=${options.disabled ?? false}
    aria-disabled=${options.busy ? 'true' : 'false'}
    @click=${(event: Event) => {
      if (options.busy) event.preventDefault();
      else options.onClick?.(event);
    }}
  >
    ${options.busy ? html`<span class="kk-spinner__icon kk-spinner__icon--inline" aria-hidden="true"></span>` : nothing}
    ${options.label}
  </button>`;
}
