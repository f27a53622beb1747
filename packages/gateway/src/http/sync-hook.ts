import type { FastifyRequest } from 'fastify';

/**
 * An onRequest or preValidation hook for a check that never waits: written as a callback hook,
 * because an async hook costs every request a promise and a tick. `check` throws to refuse the
 * request; what it throws becomes the answer, as from an async hook.
 */
export const syncHook =
  (check: (request: FastifyRequest) => void) =>
  (request: FastifyRequest, _reply: unknown, done: (error?: Error) => void): void => {
    try {
      check(request);
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  };
