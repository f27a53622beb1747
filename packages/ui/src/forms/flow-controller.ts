import type { ReactiveElement } from 'lit';
import type { Flow } from './define-flow.js';
import { StepController } from './step-flow.js';

export interface FlowControllerOptions<S extends string, A, C> {
  flow: Flow<S, A, C>;
  /** The answers so far, for the flow's conditions. */
  answers: () => A;
  /** What the flow branches on besides the answers (e.g. how many reports are nearby). */
  context: () => C;
  /** After every change of page, e.g. to save a draft. */
  onChange?: (step: S) => void;
}

/**
 * Runs a `defineFlow()` table in an element: the path taken (so "Tillbaka" retraces it), focus
 * on the new page's heading, the step counter, and the return to check answers after "Ändra".
 */
export class FlowController<S extends string, A, C> {
  private readonly steps: StepController<S>;
  /** The check-answers page to come back to once the changed page is done. */
  private returnTo: S | undefined;
  /** The pages on the path when "Ändra" was chosen: a conditional page not among them is new. */
  private pathBeforeChange: readonly S[] = [];

  constructor(
    host: ReactiveElement,
    private readonly options: FlowControllerOptions<S, A, C>,
  ) {
    // The step controller is the host's controller: it moves focus after each change.
    this.steps = new StepController<S>(host, { initial: options.flow.first, ...(options.onChange ? { onChange: options.onChange } : {}) });
  }

  get current(): S {
    return this.steps.current;
  }

  get path(): readonly S[] {
    return this.steps.path;
  }

  get canGoBack(): boolean {
    return this.steps.canGoBack && !this.options.flow.isEnd(this.current);
  }

  /** "Steg 2 av 5" for the current page; undefined at the end. */
  get counter(): { index: number; total: number } | undefined {
    return this.options.flow.counter(this.current, this.options.answers(), this.options.context());
  }

  /** After a page's answers are accepted: the next page, or back to check answers after "Ändra". */
  next(): void {
    const { flow } = this.options;
    const answers = this.options.answers();
    const context = this.options.context();
    const following = flow.next(this.current, answers, context);
    if (this.returnTo === undefined) {
      this.steps.go(following);
      return;
    }
    // Back to check answers, unless a page before it is new on the path (a conditional page the
    // change brought onto it) or incomplete: that page is shown first.
    const pages = flow.questions(answers, context);
    const between = pages.slice(pages.indexOf(this.current) + 1, pages.indexOf(this.returnTo));
    const isNew = (step: S): boolean => flow.isConditional(step) && !this.pathBeforeChange.includes(step);
    const incomplete = (step: S): boolean => flow.steps.find((candidate) => candidate.id === step)?.done?.(answers) === false;
    const pending = between.find((step) => isNew(step) || incomplete(step));
    if (pending !== undefined) {
      this.steps.go(pending);
      return;
    }
    const target = this.returnTo;
    this.returnTo = undefined;
    this.steps.go(target);
  }

  back(): void {
    this.steps.back();
    if (this.current === this.returnTo) this.returnTo = undefined;
  }

  /** "Ändra" on check answers: the page of `step`, returning to check answers after it. */
  change(step: S): void {
    if (this.options.flow.isReview(this.current)) this.returnFrom(this.current);
    this.steps.go(step);
  }

  /**
   * The page that corrects the gateway's error about `apiField`, shown with the way back to check
   * answers; undefined (and no move) when no page owns the field.
   */
  showApiField(apiField: string): S | undefined {
    const { flow } = this.options;
    const step = flow.stepOfApiField(apiField);
    if (step === undefined) return undefined;
    const review = flow.steps.find((candidate) => candidate.review)?.id;
    if (review === undefined) this.returnTo = undefined;
    else this.returnFrom(review);
    this.steps.go(step);
    return step;
  }

  /** Restores a saved path as far as the answers support it, without moving focus. */
  restore(path: readonly string[]): void {
    this.returnTo = undefined;
    this.steps.reset(this.options.flow.restore(path, this.options.answers(), this.options.context()), false);
  }

  /** A fresh start on the first page (after the end), with focus on its heading. */
  reset(): void {
    this.returnTo = undefined;
    this.steps.reset([this.options.flow.first]);
  }

  /** Goes straight to `step` (e.g. the end after a submit). */
  go(step: S): void {
    this.steps.go(step);
  }

  private returnFrom(review: S): void {
    this.returnTo = review;
    this.pathBeforeChange = this.options.flow.questions(this.options.answers(), this.options.context());
  }
}
