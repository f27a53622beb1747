import { msg, str } from '../localization.js';
import { html, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';

export interface StepFlowOptions<S extends string> {
  initial: S;
  onChange?: (step: S) => void;
}

/**
 * Which question page is showing, with a history so "Tillbaka" follows the path the citizen
 * actually took through a branching flow. After every change, focus moves to the new page's
 * heading (marked with `heading({ focusTarget: true })`) so screen reader and keyboard users
 * start at the top of the new page.
 */
export class StepController<S extends string> implements ReactiveController {
  private history: S[];
  private moveFocus = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: StepFlowOptions<S>,
  ) {
    this.history = [options.initial];
    host.addController(this);
  }

  get current(): S {
    return this.history[this.history.length - 1]!;
  }

  get canGoBack(): boolean {
    return this.history.length > 1;
  }

  /** The steps taken so far, oldest first, for restoring them later. */
  get path(): readonly S[] {
    return this.history;
  }

  go(step: S): void {
    if (step === this.current) return;
    this.history = [...this.history, step];
    this.changed();
  }

  back(): void {
    if (!this.canGoBack) return;
    this.history = this.history.slice(0, -1);
    this.changed();
  }

  /** Starts over at `step` (after a confirmation), or restores a saved path without moving focus. */
  reset(path: readonly S[], moveFocus = true): void {
    this.history = path.length > 0 ? [...path] : [this.options.initial];
    if (moveFocus) this.changed();
    else this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.moveFocus) return;
    this.moveFocus = false;
    this.host.renderRoot.querySelector<HTMLElement>('[data-kk-focus-target]')?.focus();
  }

  private changed(): void {
    this.moveFocus = true;
    this.options.onChange?.(this.current);
    this.host.requestUpdate();
  }
}

/** "Tillbaka": a button, because it changes the page inside the widget, not the URL. */
export function backLink(options: { onClick: () => void; label?: string }): TemplateResult {
  return html`<button type="button" class="kk-link-button kk-back-link" @click=${options.onClick}>
    ${options.label ?? msg('Tillbaka')}
  </button>`;
}

/** The submit button of a question page; never disabled, so the citizen always gets feedback. */
export function continueButton(options: { label?: string } = {}): TemplateResult {
  return html`<button type="submit" class="kk-button kk-button--primary">
    ${options.label ?? msg('Fortsätt')}
  </button>`;
}

/** "Steg 2 av 5": the caption of a question page (`questionPage({ caption })`). */
export const stepCaption = (index: number, total: number): string => msg(str`Steg ${index + 1} av ${total}`);

/** "Steg 2 av 5" above a page heading. */
export function stepCounter(index: number, total: number): TemplateResult {
  return html`<p class="kk-step-counter">${stepCaption(index, total)}</p>`;
}
