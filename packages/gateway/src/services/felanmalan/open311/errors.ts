import { maxPhotoBytes, maxPhotos } from '@kommunkit/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable, retryAfterSeconds } from '../../../db/unavailable.js';
import type { PathRules } from '../../../http/paths.js';
import { HttpProblem, problemTitle } from '../../../http/problem.js';
import { statusDetails } from '../../../http/status-details.js';
import { errorShapeOf, open311ErrorBody, Open311Error, open311ErrorStatuses, open311PathPrefix, sendOpen311Error, type Format } from './format.js';

/** JSON or XML, by the path's suffix (the `:format` parameter is that suffix). */
export const formatOf = (request: FastifyRequest): Format => (errorShapeOf(request.url) === 'xml' ? 'xml' : 'json');

/** What a body over a limit gets: the photo limits only when a photo broke them (by the error's code). */
function tooLarge(error: FastifyError): Open311Error {
  switch (error.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return Open311Error.of(413, `Högst ${String(maxPhotos)} bilder på högst ${String(maxPhotoBytes / 1024 / 1024)} MB var.`, 'media');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return Open311Error.of(413, 'Formuläret har för många fält.');
    default:
      return Open311Error.of(413, 'Formuläret är för stort. Texten i en anmälan får vara högst 64 kB; bilder skickas som multipart/form-data.');
  }
}

/** The client-error statuses Open311 answers keep; any other 4xx is a 400. */
export function open311ErrorForStatus(status: number, description?: string): Open311Error {
  const known = (status in statusDetails ? status : 400) as keyof typeof statusDetails;
  return Open311Error.of(known, description ?? statusDetails[known]);
}

const open311Statuses = new Set<number>(open311ErrorStatuses);

/** A problem raised on an Open311 path (by a guard or a gateway-wide hook) in Open311's words. */
function asOpen311(problem: HttpProblem): Open311Error {
  const status = (open311Statuses.has(problem.status) ? problem.status : 400) as Open311Error['status'];
  return Open311Error.of(status, problem.detail ?? problemTitle(problem.type));
}

/**
 * Answers any error in Open311's shape. The Open311 scope's error handler, and the gateway's
 * root handlers for `/open311/…` paths that no Open311 route matched, both end here.
 */
export function answerOpen311Error(error: FastifyError | HttpProblem | Open311Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const format = formatOf(request);
  if (error instanceof Open311Error) return sendOpen311Error(reply, format, error);
  if (error instanceof HttpProblem) {
    void reply.headers(error.headers);
    return sendOpen311Error(reply, format, asOpen311(error));
  }
  if (error.validation) {
    const first = error.validation[0];
    const missing = first?.params.missingProperty;
    const field = typeof missing === 'string' ? missing : (first?.instancePath.replace(/^\//, '') ?? '');
    const description = first?.keyword === 'hygiene' ? `${field}: ${String(first.params.detail)}` : `Ogiltigt värde${field ? ` för ${field}` : ''}.`;
    return sendOpen311Error(reply, format, Open311Error.of(400, description, field || undefined));
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return sendOpen311Error(reply, format, tooLarge(error));
  if (status === 415) return sendOpen311Error(reply, format, Open311Error.of(415, 'Skicka formuläret som application/x-www-form-urlencoded eller multipart/form-data.'));
  if (status === 429) return sendOpen311Error(reply, format, Open311Error.of(429, 'För många anmälningar på kort tid. Vänta en stund och försök igen.'));
  if (status < 500) return sendOpen311Error(reply, format, open311ErrorForStatus(status));
  if (status === 503 || isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    void reply.header('retry-after', String(retryAfterSeconds));
    return sendOpen311Error(reply, format, Open311Error.of(503, statusDetails[503]));
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendOpen311Error(reply, format, Open311Error.of(500, 'Något gick fel hos oss. Försök igen om en stund.'));
}

export const answerOpen311NotFound = (request: FastifyRequest, reply: FastifyReply): FastifyReply =>
  sendOpen311Error(reply, formatOf(request), open311ErrorForStatus(404));

/**
 * Open311's errors are the spec's `[{code, description}]` (with a `field` extension), not
 * problem details, so the Open311 scope has error handling of its own.
 */
export function installOpen311Errors(scope: FastifyInstance): void {
  scope.setErrorHandler(answerOpen311Error);
  scope.setNotFoundHandler(answerOpen311NotFound);
}

/**
 * The gateway-wide rules for `/open311/`: errors in Open311's shape (also those no Open311
 * route saw), the kommun named by `jurisdiction_id` (in the query, or in a POST's form), and
 * reads open to any site.
 */
export const open311PathRules: PathRules = {
  prefix: open311PathPrefix,
  answer: answerOpen311Error,
  body: (url, status, detail) => {
    const shape = errorShapeOf(url);
    return open311ErrorBody(shape === 'xml' ? 'xml' : 'json', open311ErrorForStatus(status, detail));
  },
  // URLSearchParams decodes `jurisdiction_id` itself and never throws on a bad percent-encoding.
  kommunIdOf: (url) => new URLSearchParams(url.split('?')[1]).get('jurisdiction_id') || null,
  // GeoReport v2 sends a new report's `jurisdiction_id` in the form.
  kommunInBody: true,
  publicReads: true,
};
