/**
 * A question flow as one declarative table, the way GOV.UK Forms derives a journey from one
 * routing definition: each step carries its own condition, the answers it asks for and the
 * gateway fields whose errors it corrects. Everything else (the page after this one, "Steg 2 av
 * 5", which saved path still makes sense, where a gateway error is corrected) is derived here,
 * so a service writes none of it. No DOM: `FlowController` keeps the history and the focus.
 */

export interface FlowStep<S extends string, A, C> {
  id: S;
  /** Whether the step is on this citizen's path; without it, always. */
  when?: (answers: A, context: C) => boolean;
  /** Names of the answers the page asks for ("Ändra" on check answers goes to their page). */
  fields?: readonly string[];
  /**
   * The gateway's names of the fields the page corrects, as in a problem's pointer
   * (`/body/<name>`). `prefix*` matches by prefix; `*` takes every field no other step claims.
   */
  apiFields?: readonly string[];
  /** Whether the page's answers are complete; a later page cannot be shown before. */
  done?: (answers: A) => boolean;
  /** The check-answers page: after "Ändra" from here, the changed page returns here. */
  review?: boolean;
  /** The end (confirmation): not a question, not counted, never restored. */
  end?: boolean;
  /**
   * Counted as part of the page before it: "Steg 2 av 5" there and here. For a conditional page
   * that follows from that one (felanmälan's reports nearby, after the place), so the total
   * never changes from "av 5" to "av 6" in the middle of the flow.
   */
  partOfPrevious?: boolean;
}

export interface Flow<S extends string, A, C> {
  readonly steps: readonly FlowStep<S, A, C>[];
  readonly first: S;
  /** The page after `step`: the next one in the table whose condition holds. */
  next(step: S, answers: A, context: C): S;
  /** The question pages on this citizen's path, for the step counter. */
  questions(answers: A, context: C): S[];
  /** "Steg 2 av 5", or undefined on a page that is not a question (the end); a `partOfPrevious` page has the number of the page before. */
  counter(step: S, answers: A, context: C): { index: number; total: number } | undefined;
  /**
   * Whether every page before `step` is complete (a restored path must not skip a question).
   * With `context`, pages off this citizen's path are passed over; without it every page counts.
   */
  canShow(step: S, answers: A, context?: C): boolean;
  /** The longest prefix of a saved path the answers still support; the first page when none. */
  restore(path: readonly string[], answers: A, context: C): S[];
  /** The page that asks for the answer `field`. */
  stepOfField(field: string): S | undefined;
  /** The page where the gateway's error about `apiField` is corrected. */
  stepOfApiField(apiField: string): S | undefined;
  /** Whether a step is conditional, so a change may bring it onto the path. */
  isConditional(step: S): boolean;
  isReview(step: S): boolean;
  isEnd(step: S): boolean;
}

const matches = (pattern: string, field: string): boolean =>
  pattern.endsWith('*') ? pattern !== '*' && field.startsWith(pattern.slice(0, -1)) : pattern === field;

export function defineFlow<S extends string, A, C>(steps: readonly FlowStep<S, A, C>[]): Flow<S, A, C> {
  if (steps.length === 0) throw new Error('A flow needs at least one step');
  const ids = steps.map((step) => step.id);
  if (new Set(ids).size !== ids.length) throw new Error(`A flow's step ids must be unique: ${ids.join(', ')}`);
  const byId = new Map(steps.map((step) => [step.id, step] as const));
  const indexOf = (id: S): number => ids.indexOf(id);
  const onPath = (step: FlowStep<S, A, C>, answers: A, context: C): boolean => step.when?.(answers, context) ?? true;
  const stepOf = (id: S): FlowStep<S, A, C> => {
    const step = byId.get(id);
    if (!step) throw new Error(`Unknown step "${id}"`);
    return step;
  };

  const flow: Flow<S, A, C> = {
    steps,
    first: steps[0]!.id,
    next(id, answers, context) {
      const later = steps.slice(indexOf(id) + 1).find((step) => onPath(step, answers, context));
      return later?.id ?? id;
    },
    questions: (answers, context) => steps.filter((step) => !step.end && onPath(step, answers, context)).map((step) => step.id),
    counter(id, answers, context) {
      const pages = flow.questions(answers, context);
      const at = pages.indexOf(id);
      if (at < 0) return undefined;
      const counts = (page: S): boolean => !stepOf(page).partOfPrevious;
      // The pages counted up to this one, less one for the index; a leading partOfPrevious page counts as the first.
      const index = Math.max(0, pages.slice(0, at + 1).filter(counts).length - 1);
      return { index, total: pages.filter(counts).length };
    },
    // A rest parameter, so a context that is itself `undefined` still counts as given.
    canShow(id, answers, ...given: [context?: C]) {
      const step = stepOf(id);
      // A page the citizen never sees (its condition is false) cannot hold the path back.
      const skipped = (earlier: FlowStep<S, A, C>): boolean => given.length > 0 && !onPath(earlier, answers, given[0] as C);
      return !step.end && steps.slice(0, indexOf(id)).every((earlier) => skipped(earlier) || (earlier.done?.(answers) ?? true));
    },
    restore(path, answers, context) {
      const restored: S[] = [];
      for (const id of path) {
        const step = byId.get(id as S);
        if (!step || !flow.canShow(step.id, answers, context)) break;
        // A conditional page whose condition no longer holds (or is unknown now) is passed over.
        if (onPath(step, answers, context)) restored.push(step.id);
      }
      return restored[0] === flow.first ? restored : [flow.first];
    },
    stepOfField: (field) => steps.find((step) => step.fields?.includes(field))?.id,
    stepOfApiField(field) {
      const owner = steps.find((step) => step.apiFields?.some((pattern) => matches(pattern, field)));
      return (owner ?? steps.find((step) => step.apiFields?.includes('*')))?.id;
    },
    isConditional: (id) => stepOf(id).when !== undefined,
    isReview: (id) => stepOf(id).review === true,
    isEnd: (id) => stepOf(id).end === true,
  };
  return flow;
}
