import { problemMediaType, problemTitles, problemTypes, type FieldError, type Problem, type ProblemType } from '@kommunkit/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable, retryAfterSeconds } from '../db/unavailable.js';
import { statusDetails } from './status-details.js';
import { rulesFor, type PathRules } from './paths.js';

/** The Swedish title of a problem type. */
export const problemTitle = (type: ProblemType): string => problemTitles[type];

/** An error that becomes a problem+json answer. Throw it from any handler or hook. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: ProblemType,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? problemTitles[type]);
  }
}

/** The RFC 9457 body of a problem. */
export function problemBody(problem: HttpProblem): Problem {
  return {
    type: problem.type,
    title: problemTitles[problem.type],
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail } : {}),
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  const body = problemBody(problem);
  return reply
    .code(problem.status)
    .headers(problem.headers)
    .type(problemMediaType)
    .serializer(JSON.stringify)
    .send(body);
}

/** The answer while a dependency (the database) is away: try again in a few seconds. */
export const unavailable = (): HttpProblem =>
  new HttpProblem(503, problemTypes.unavailable, statusDetails[503], undefined, {
    'retry-after': String(retryAfterSeconds),
  });

/** Swedish text for the JSON Schema keywords a citizen's input can fail. */
const validationMessages: Record<string, (params: Record<string, unknown>) => string> = {
  required: () => 'Uppgiften saknas',
  additionalProperties: () => 'Okänt fält',
  type: (p) => `Ska vara av typen ${String(p.type)}`,
  format: () => 'Har fel format',
  pattern: () => 'Har fel format',
  minLength: (p) => `Ska vara minst ${String(p.limit)} tecken`,
  maxLength: (p) => `Får vara högst ${String(p.limit)} tecken`,
  minimum: (p) => `Ska vara minst ${String(p.limit)}`,
  maximum: (p) => `Får vara högst ${String(p.limit)}`,
  enum: () => 'Är inte ett av de tillåtna värdena',
  const: () => 'Är inte ett tillåtet värde',
  anyOf: () => 'Är inte ett tillåtet värde',
  minItems: (p) => `Ska ha minst ${String(p.limit)}`,
  maxItems: (p) => `Får ha högst ${String(p.limit)}`,
  // Input hygiene (hygiene.ts) says itself what is wrong.
  hygiene: (p) => String(p.detail),
};

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** Maps Ajv's errors to field errors with JSON Pointers into the request (`/body/...`). */
export function fieldErrors(context: string, errors: readonly AjvError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.flatMap((error) => {
    const leaf = error.params.missingProperty ?? error.params.additionalProperty;
    const pointer = `/${context}${error.instancePath}${typeof leaf === 'string' ? `/${leaf}` : ''}`;
    if (seen.has(pointer)) return [];
    seen.add(pointer);
    return [{ pointer, detail: (validationMessages[error.keyword] ?? (() => 'Är inte giltig'))(error.params) }];
  });
}

const statusTypes: Record<number, ProblemType> = {
  400: problemTypes.validation,
  401: problemTypes.unauthenticated,
  403: problemTypes.forbidden,
  404: problemTypes.notFound,
  405: problemTypes.methodNotAllowed,
  408: problemTypes.requestTimeout,
  413: problemTypes.payloadTooLarge,
  414: problemTypes.payloadTooLarge,
  415: problemTypes.unsupportedMediaType,
  429: problemTypes.rateLimited,
  431: problemTypes.payloadTooLarge,
  503: problemTypes.unavailable,
};

/** The problem a client-error status stands for; any 4xx the contract has no type for is a 400. */
export function problemForStatus(status: number, detail?: string): HttpProblem {
  if (status === 503) return unavailable();
  if (status >= 500) return new HttpProblem(500, problemTypes.internal);
  const known = statusTypes[status];
  if (!known) return new HttpProblem(400, problemTypes.validation, statusDetails[400]);
  return new HttpProblem(status, known, detail ?? (statusDetails as Record<number, string>)[status]);
}

/**
 * Every error leaves the gateway in the shape its path promises: under a prefix a service
 * brought rules for (`PathRules`), in that protocol's shape; problem+json everywhere else.
 * Validation errors name their fields, Fastify's own errors (bad JSON, too large, wrong media
 * type) keep their status, and anything unexpected is a 500 whose details stay in the log.
 */
export function installProblemHandlers(app: FastifyInstance, methodsFor: (url: string) => string[], rules: readonly PathRules[] = []): void {
  app.setErrorHandler((error: FastifyError | HttpProblem, request: FastifyRequest, reply: FastifyReply) => {
    const shaped = rulesFor(rules, request.url);
    if (shaped) {
      if (error instanceof HttpProblem) void reply.headers(error.headers);
      return shaped.answer(error, request, reply);
    }
    if (error instanceof HttpProblem) return sendProblem(reply, error);
    if (error.validation) {
      return sendProblem(
        reply,
        new HttpProblem(400, problemTypes.validation, undefined, fieldErrors(error.validationContext ?? 'body', error.validation)),
      );
    }
    const status = error.statusCode ?? 500;
    if (status < 500) return sendProblem(reply, problemForStatus(status));
    if (status === 503) return sendProblem(reply, unavailable());
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return sendProblem(reply, unavailable());
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, new HttpProblem(500, problemTypes.internal));
  });

  app.setNotFoundHandler((request, reply) => {
    const shaped = rulesFor(rules, request.url);
    if (shaped) return shaped.answer(problemForStatus(404), request, reply);
    const allowed = methodsFor(request.url);
    // A path some route serves, but not with this method (HEAD is GET without the body).
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    if (allowed.length > 0 && !allowed.includes(method)) {
      return sendProblem(reply, new HttpProblem(405, problemTypes.methodNotAllowed, undefined, undefined, { allow: allowed.join(', ') }));
    }
    return sendProblem(reply, new HttpProblem(404, problemTypes.notFound));
  });
}
