import { problemMediaType, problemTypes } from '@kommunkit/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { STATUS_CODES, type ServerOptions, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ResolvedConfig } from '../config/load.js';
import { securityHeaders } from './headers.js';
import { rulesFor, type PathRules } from './paths.js';
import { statusDetails } from './status-details.js';
import { HttpProblem, problemBody, problemForStatus, sendProblem } from './problem.js';

/**
 * Errors that happen before any route or hook runs: Fastify's router (a bad percent-encoding,
 * an overlong path parameter) and Node's HTTP parser (an unknown method, headers or URL too
 * large, a request that came too slowly). Each is answered in the shape its path promises
 * (the services' `PathRules`, else problem+json), never with the path echoed back.
 */

const details: Record<string, { status: number; detail: string }> = {
  FST_ERR_BAD_URL: { status: 400, detail: 'Adressen innehåller en ogiltig procentkodning (%).' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, detail: 'En del av adressen är för lång.' },
  HPE_INVALID_METHOD: { status: 400, detail: 'Begäran använder en metod som inte finns.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: statusDetails[408] },
  HPE_HEADER_OVERFLOW: { status: 431, detail: statusDetails[431] },
};
const uriTooLong = { status: 414, detail: statusDetails[414] };
const unparsable = { status: 400, detail: statusDetails[400] };

/** Fastify's `frameworkErrors`: the router's errors, which reach no error handler. */
function frameworkErrors(config: ResolvedConfig, rules: readonly PathRules[]) {
  const headers = securityHeaders(config);
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const known = details[error.code];
    void reply.headers(headers);
    if (!known) {
      request.log.error({ err: error }, 'unexpected framework error');
      void sendProblem(reply, new HttpProblem(500, problemTypes.internal));
      return;
    }
    const shaped = rulesFor(rules, request.url);
    if (!shaped) {
      void sendProblem(reply, problemForStatus(known.status, known.detail));
      return;
    }
    const { contentType, body } = shaped.body(request.url, known.status, known.detail);
    void reply.code(known.status).type(contentType).send(body);
  };
}

/** The request target, if the parser got that far: from the request in flight, or the bytes it choked on. */
function targetOf(error: Error, socket: Socket): { target?: string; requestLine?: number } {
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage?.req.url;
  if (inFlight !== undefined) return { target: inFlight };
  const raw = (error as { rawPacket?: unknown }).rawPacket;
  if (!Buffer.isBuffer(raw)) return {};
  // The whole request line, however long: an overlong URL's `.xml` suffix is at its end.
  const lineEnd = raw.indexOf('\r\n');
  const line = raw.subarray(0, lineEnd < 0 ? raw.length : lineEnd).toString('latin1');
  const target = /^[A-Za-z]+ (\/\S*)/.exec(line)?.[1];
  return target === undefined ? {} : { target, requestLine: lineEnd < 0 ? Infinity : lineEnd };
}

/** Node's `clientError`: written straight to the socket, a complete HTTP/1.1 answer that closes it. */
function clientErrorHandler(config: ResolvedConfig, rules: readonly PathRules[]) {
  const extra = Object.entries(securityHeaders(config)).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return function handle(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const response = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    // An answer already under way cannot be replaced; all that is left is to close.
    if (!socket.writable || response?.headersSent) {
      socket.destroy();
      return;
    }
    const { target, requestLine } = targetOf(error, socket);
    let known = details[error.code ?? ''] ?? unparsable;
    // Node counts the request line into the header limit: a huge URL is a 414, not a 431.
    if (error.code === 'HPE_HEADER_OVERFLOW' && requestLine !== undefined && requestLine > 8000) known = uriTooLong;
    this.log.debug({ code: error.code }, 'client error');
    const shaped = rulesFor(rules, target ?? '/');
    const { contentType, body } = shaped
      ? shaped.body(target ?? '/', known.status, known.detail)
      : { contentType: problemMediaType, body: JSON.stringify(problemBody(problemForStatus(known.status, known.detail))) };
    const head =
      `HTTP/1.1 ${String(known.status)} ${STATUS_CODES[known.status] ?? ''}\r\n` +
      `content-type: ${contentType}\r\ncontent-length: ${String(Buffer.byteLength(body))}\r\n${extra}connection: close\r\n\r\n`;
    socket.end(head + body, () => socket.destroy());
  };
}

/**
 * Time limits, so no client can hold a connection open by sending slowly: `headersMs` for
 * the request head, `requestMs` for the whole request with its body (both Node's, answered
 * 408), `idleMs` for a connection with nothing in flight. Node checks the first two only
 * every `connectionsCheckingInterval` (30 s unless told), so that is tied to the limits.
 */
export function serverOptions(
  config: ResolvedConfig,
  rules: readonly PathRules[] = [],
): Pick<FastifyServerOptions, 'connectionTimeout' | 'keepAliveTimeout' | 'requestTimeout' | 'clientErrorHandler'> & {
  http: ServerOptions;
  frameworkErrors: ReturnType<typeof frameworkErrors>;
} {
  const { requestMs, headersMs, idleMs } = config.timeouts;
  // Node refuses a headers limit above the request limit.
  const headersTimeout = Math.min(headersMs, requestMs);
  return {
    // Fastify sets Node's requestTimeout from its own option, so it is given here as well.
    requestTimeout: requestMs,
    connectionTimeout: idleMs,
    keepAliveTimeout: idleMs,
    http: {
      requestTimeout: requestMs,
      headersTimeout,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4))),
      // Node answers a missing Host with an empty 400 of its own; the hook below answers it instead.
      requireHostHeader: false,
    },
    frameworkErrors: frameworkErrors(config, rules),
    clientErrorHandler: clientErrorHandler(config, rules),
  };
}

/**
 * Hooks for what would otherwise leave in the wrong shape: a CORS preflight that lacks its
 * headers (refused here in the path's shape, so the CORS hook may rely on both), and the idle
 * limit, which must not cut a request whose handler is still working.
 */
export function installClientErrors(app: FastifyInstance): void {
  // Without a 'timeout' listener Node destroys every socket that is quiet for `idleMs`, even
  // while its request is being answered. Spare only those; close idle keep-alive connections,
  // half-sent heads (also under headersMs) and answers the client stopped reading.
  app.server.on('timeout', (socket: Socket) => {
    const response = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (response && !response.headersSent && response.req.complete) return;
    socket.destroy();
  });

  // Registered before CORS, so the request is refused here in the path's shape.
  app.addHook('onRequest', (request, _reply, done) => {
    // HTTP/1.1 requires Host (RFC 9112 §3.2); HTTP/1.0 clients may leave it out.
    if (request.headers.host === undefined && request.raw.httpVersion !== '1.0') {
      done(new HttpProblem(400, problemTypes.validation, 'Begäran saknar huvudet Host.'));
      return;
    }
    if (request.method === 'OPTIONS' && (!request.headers.origin || !request.headers['access-control-request-method'])) {
      done(new HttpProblem(400, problemTypes.validation, 'En CORS-förfrågan (OPTIONS) ska ha huvudena Origin och Access-Control-Request-Method.'));
      return;
    }
    done();
  });
}
