/** Something a page waits for, as the page sees it: loading, failed (with a retry), or there. */
export type Loadable<T> = { state: 'loading' } | { state: 'error'; retry: () => void } | { state: 'ready'; value: T };

/**
 * What `loadable` reads of a `@lit/task` `Task`. Typed without importing @lit/task, so that ui
 * does not depend on it: `status` is the task's `TaskStatus` (0 initial, 1 pending, 2 complete,
 * 3 error, stable in @lit/task 1.x).
 */
export interface TaskLike<T> {
  readonly status: number;
  readonly value?: T | undefined;
  run(): unknown;
}

/** A task's state as a page sees it, its value made ready for the page by `ready`. */
export function loadable<T, R>(task: TaskLike<T>, ready: (value: T) => R): Loadable<R> {
  if (task.status === 2) return { state: 'ready', value: ready(task.value as T) };
  if (task.status === 3) return { state: 'error', retry: () => void task.run() };
  return { state: 'loading' };
}
