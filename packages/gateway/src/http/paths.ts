import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** The path of a request target, without its query. */
export const pathOf = (url: string): string => {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};

/**
 * What a service contributes for a URL prefix that speaks a protocol of its own (Open311
 * under `/open311/`): how errors look there, and how CORS and CSRF find the kommun. The shared
 * handlers (`problem.ts`, `client-errors.ts`, `security.ts`) apply these rules and know no
 * protocol; every other path answers problem+json.
 */
export interface PathRules {
  /** Paths starting with this (e.g. `/open311/`). */
  prefix: string;
  /** Any error of a request under the prefix: a thrown HttpProblem (`problem.ts`), Fastify's own, anything unexpected. */
  answer(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply;
  /**
   * A client-error status with its Swedish detail as content type and body, for errors that
   * reach no handler (the router's, Node's HTTP parser's, written straight to the socket).
   */
  body(url: string, status: number, detail: string): { contentType: string; body: string };
  /** The kommun a request names outside `/api/v1/{kommun}/` (Open311's `jurisdiction_id`). */
  kommunIdOf?(url: string): string | null;
  /**
   * Writes under the prefix may name their kommun in the body instead (Open311's POST
   * arguments), which CORS, deciding before any body is read, cannot see. For a write (and its
   * preflight) whose URL names none, CORS then allows an Origin that any kommun lists, and the
   * route narrows that to the kommun the body names (`narrowCors` in `security.ts`).
   */
  kommunInBody?: boolean;
  /** Reads under the prefix are public data: any origin may read them, without credentials. */
  publicReads?: boolean;
}

/** The rules of the prefix a URL is under, if any. */
export const rulesFor = (rules: readonly PathRules[], url: string): PathRules | undefined => {
  // A prefix holds no `?`, so the URL starts with it exactly when its path does.
  for (const rule of rules) if (url.startsWith(rule.prefix)) return rule;
  return undefined;
};
