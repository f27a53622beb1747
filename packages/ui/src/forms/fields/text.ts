import { msg, str } from '../../localization.js';
import { plural } from '../../plural.js';
import { html, nothing, type TemplateResult } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { formatNumber } from '../../numbers.js';
import { getLocale } from '../../localization.js';
import { describedBy, fieldGroup, targetValue, type TypedFieldOptions } from './field.js';

/** The widths a text field can suggest, in characters (GOV.UK's set). */
export type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30;

export interface TextFieldOptions extends TypedFieldOptions {
  type?: 'text' | 'email' | 'tel' | 'url' | 'search';
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email' | 'url' | 'search';
  /**
   * Suggested width in characters, so the box hints at the expected answer. A class, not a
   * style attribute: a strict CSP forbids inline styles, and Lit's style bindings are one.
   */
  width?: InputWidth;
  spellcheck?: boolean;
}

export function textField(options: TextFieldOptions): TemplateResult {
  return fieldGroup(
    options,
    html`<input
      class="kk-input ${options.width ? `kk-input--w${String(options.width)}` : ''}"
      id=${options.id}
      name=${options.name}
      type=${options.type ?? 'text'}
      .value=${live(options.value)}
      autocomplete=${ifDefined(options.autocomplete)}
      inputmode=${ifDefined(options.inputmode)}
      spellcheck=${ifDefined(options.spellcheck === undefined ? undefined : String(options.spellcheck))}
      aria-describedby=${describedBy(options)}
      aria-invalid=${options.error ? 'true' : 'false'}
      aria-required=${options.optional ? 'false' : 'true'}
      ?disabled=${options.disabled ?? false}
      @input=${(event: Event) => options.onInput(targetValue(event))}
      @blur=${() => options.onBlur?.()}
    />`,
  );
}

export interface TextareaOptions extends TypedFieldOptions {
  rows?: number;
  /**
   * GOV.UK's character count: "Du har 12 tecken kvar" under the box, told to screen readers
   * when the citizen pauses typing. `maxlength` is not set, so a longer text can be pasted
   * and then shortened; the form's rule must still reject it (with `characterLength`).
   */
  count?: { max: number };
}

/**
 * Length as the gateway counts it: Unicode code points (JSON Schema's `maxLength`), not
 * UTF-16 units: "😀" counts once, not twice. A sequence counts each code point ("👍🏽" is 2),
 * as the gateway's check does too.
 */
export function characterLength(value: string): number {
  // Code points on purpose (not graphemes): that is what the gateway's limit counts.
  // eslint-disable-next-line @typescript-eslint/no-misused-spread
  return [...value].length;
}

export const countInfoId = (id: string): string => `${id}-count-info`;

/** How long the citizen pauses typing before the count is announced, as in GOV.UK Frontend. */
export const countAnnounceDelay = 1000;

function countMessage(remaining: number): string {
  const lang = getLocale();
  const n = formatNumber(Math.abs(remaining), lang);
  // Swedish says "tecken" for one and many; each form has its own id so English can differ.
  if (remaining >= 0) return plural(remaining, { one: msg(str`Du har ${n} tecken kvar`, { id: 'count-left-one' }), other: msg(str`Du har ${n} tecken kvar`) }, lang);
  return plural(-remaining, { one: msg(str`Du har ${n} tecken för mycket`, { id: 'count-over-one' }), other: msg(str`Du har ${n} tecken för mycket`) }, lang);
}

/**
 * The screen reader copy of the count. Set at once on first render, then only after typing
 * has paused, so a screen reader is not interrupted on every key. A directive, because the
 * timer belongs to this one place in the template and must stop when it leaves the page.
 */
class DebouncedText extends AsyncDirective {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown: string | undefined;
  private pending: string | undefined;

  render(text: string, _delay: number): unknown {
    return text;
  }

  override update(_part: unknown, [text, delay]: [string, number]): unknown {
    if (this.shown === undefined) {
      this.shown = text;
      return text;
    }
    // Another render with the text already waiting (a re-render for something else) leaves
    // the timer running; a new text starts it again.
    if (text === this.pending) return this.shown;
    clearTimeout(this.timer);
    this.pending = text === this.shown ? undefined : text;
    if (this.pending !== undefined)
      this.timer = setTimeout(() => {
        this.shown = text;
        this.pending = undefined;
        this.setValue(text);
      }, delay);
    return this.shown;
  }

  protected override disconnected(): void {
    clearTimeout(this.timer);
  }
}

const debouncedText = directive(DebouncedText);

export function textarea(options: TextareaOptions): TemplateResult {
  const count = options.count;
  const remaining = count ? count.max - characterLength(options.value) : 0;
  const describedByIds = [describedBy(options), count ? countInfoId(options.id) : ''].filter((part) => part && part !== nothing);
  const control = html`<textarea
    class="kk-textarea ${count && remaining < 0 ? 'kk-textarea--over' : ''}"
    id=${options.id}
    name=${options.name}
    rows=${options.rows ?? 5}
    .value=${live(options.value)}
    aria-describedby=${describedByIds.length > 0 ? describedByIds.join(' ') : nothing}
    aria-invalid=${options.error ? 'true' : 'false'}
    aria-required=${options.optional ? 'false' : 'true'}
    ?disabled=${options.disabled ?? false}
    @input=${(event: Event) => options.onInput(targetValue(event))}
    @blur=${() => options.onBlur?.()}
  ></textarea>`;
  if (!count) return fieldGroup(options, control);
  const message = countMessage(remaining);
  return fieldGroup(
    options,
    html`${control}
      <div class="kk-visually-hidden" id=${countInfoId(options.id)}>
        ${msg(str`Du kan skriva upp till ${formatNumber(count.max, getLocale())} tecken`)}
      </div>
      <div class="kk-hint kk-character-count ${remaining < 0 ? 'kk-character-count--over' : ''}" aria-hidden="true">${message}</div>
      <div class="kk-visually-hidden" aria-live="polite">${debouncedText(message, countAnnounceDelay)}</div>`,
  );
}
