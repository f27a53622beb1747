import { maxPhotoBytes, maxPhotos } from '@kommunkit/contract';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable, retryAfterSeconds } from '../db/unavailable.js';
import { Open311Error, sendOpen311Error, type Format } from './open311-format.js';

export const formatOf = (request: FastifyRequest): Format =>
  (request.params as { format?: string } | undefined)?.format === 'xml' || /\.xml(\?|$)/.test(request.url) ? 'xml' : 'json';

/**
 * Open311's errors are the spec's `[{code, description}]` (with a `field` extension), not
 * problem details, so the Open311 scope has error handling of its own.
 */
export function installOpen311Errors(scope: FastifyInstance): void {
  scope.setErrorHandler((error: FastifyError | Open311Error, request, reply) => {
    const format = formatOf(request);
    if (error instanceof Open311Error) return sendOpen311Error(reply, format, error);
    if (error.validation) {
      const first = error.validation[0];
      const missing = first?.params.missingProperty;
      const field = typeof missing === 'string' ? missing : (first?.instancePath.replace(/^\//, '') ?? '');
      return sendOpen311Error(reply, format, Open311Error.of(400, `Ogiltigt värde${field ? ` för ${field}` : ''}.`, field || undefined));
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return sendOpen311Error(reply, format, Open311Error.of(413, `Högst ${String(maxPhotos)} bilder på högst ${String(maxPhotoBytes / 1024 / 1024)} MB var.`, 'media'));
    if (status === 415) return sendOpen311Error(reply, format, Open311Error.of(415, 'Skicka formuläret som application/x-www-form-urlencoded eller multipart/form-data.'));
    if (status === 429) return sendOpen311Error(reply, format, Open311Error.of(429, 'För många anmälningar på kort tid. Vänta en stund och försök igen.'));
    if (status < 500) return sendOpen311Error(reply, format, Open311Error.of(400, 'Begäran kunde inte tolkas.'));
    if (status === 503 || isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      void reply.header('retry-after', String(retryAfterSeconds));
      return sendOpen311Error(reply, format, Open311Error.of(503, 'Tjänsten har ett tillfälligt fel. Försök igen om en liten stund.'));
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendOpen311Error(reply, format, Open311Error.of(500, 'Något gick fel hos oss. Försök igen om en stund.'));
  });
  scope.setNotFoundHandler((request, reply) => sendOpen311Error(reply, formatOf(request), Open311Error.of(404, 'Resursen finns inte.')));
}
