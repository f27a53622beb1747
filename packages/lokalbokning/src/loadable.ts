import { TaskStatus } from '@lit/task';
import type { Loadable } from './pages/types.js';

/** A task's state as a page sees it. */
export function loadable<T, R>(task: { status: TaskStatus; value?: T | undefined; run(): unknown }, ready: (value: T) => R): Loadable<R> {
  if (task.status === TaskStatus.COMPLETE) return { state: 'ready', value: ready(task.value as T) };
  if (task.status === TaskStatus.ERROR) return { state: 'error', retry: () => void task.run() };
  return { state: 'loading' };
}

