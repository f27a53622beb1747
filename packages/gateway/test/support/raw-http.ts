import { connect, type Socket } from 'node:net';

/**
 * A minimal HTTP/1.1 client on raw sockets with keep-alive. Written by hand because fetch and
 * node:http refuse (or silently repair) exactly the bytes a bad-input test must send: NUL and
 * other control characters in headers, raw non-ASCII or `..` segments in the path, lone
 * surrogates as raw bytes. It sends what it is given, byte for byte.
 */

export interface RawRequest {
  method: string;
  /** Request target as sent, e.g. `/api/v1/x?y=%00`; strings go out as WTF-8 (see `wtf8`). */
  path: string;
  /** Header lines in order; Host is added first unless given. */
  headers?: readonly (readonly [string, string | Buffer])[];
  body?: string | Buffer;
}

export interface RawResponse {
  /** 0 when no answer came: `error` says why. */
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  ms: number;
  error?: string;
  /** No byte came back on a reused connection: the server may have closed it meanwhile. */
  stale?: boolean;
}

/**
 * Strings to bytes like UTF-8, except that lone surrogates become their 3-byte generalized
 * UTF-8 form (ED A0 80 for U+D800) instead of U+FFFD: the invalid bytes a broken client sends.
 */
// Code units, not code points (no `u` flag): a high surrogate without a low one after it, or a low one without a high one before it.
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function wtf8(text: string): Buffer {
  // Only lone surrogates differ from UTF-8; the fast path covers everything else.
  if (!loneSurrogate.test(text)) return Buffer.from(text, 'utf8');
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    let code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        index += 1;
      }
    }
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return Buffer.from(bytes);
}

/** Percent-encodes every byte of `wtf8(text)` outside the unreserved set (lone surrogates included, unlike encodeURIComponent). */
export function percentEncode(text: string): string {
  if (!loneSurrogate.test(text)) return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  let out = '';
  for (const byte of wtf8(text)) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

interface Parsed {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  keepAlive: boolean;
}

/** Parses one response from the start of `data`; undefined while incomplete. `closed`: the peer ended the stream. */
function parseResponse(data: Buffer, method: string, closed: boolean): Parsed | undefined {
  let offset = 0;
  for (;;) {
    const end = data.indexOf('\r\n\r\n', offset);
    if (end < 0) return undefined;
    const lines = data.subarray(offset, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? NaN);
    if (!Number.isInteger(status)) throw new Error(`not an HTTP response: ${JSON.stringify(lines[0]?.slice(0, 80))}`);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    const start = end + 4;
    if (status >= 100 && status < 200) {
      offset = start;
      continue;
    }
    const keepAlive = !/\bclose\b/i.test(headers.connection ?? '');
    if (method === 'HEAD' || status === 204 || status === 304) return { status, headers, body: Buffer.alloc(0), keepAlive };
    if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const chunks: Buffer[] = [];
      let at = start;
      for (;;) {
        const lineEnd = data.indexOf('\r\n', at);
        if (lineEnd < 0) return undefined;
        const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
        if (Number.isNaN(size)) throw new Error('bad chunk size');
        if (size === 0) {
          const trailerEnd = data.indexOf('\r\n\r\n', lineEnd);
          if (trailerEnd < 0 && data.indexOf('\r\n', lineEnd + 2) !== lineEnd + 2) return undefined;
          return { status, headers, body: Buffer.concat(chunks), keepAlive };
        }
        if (data.length < lineEnd + 2 + size + 2) return undefined;
        chunks.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
    }
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      if (data.length < start + length) return undefined;
      return { status, headers, body: data.subarray(start, start + length), keepAlive };
    }
    // No length: the body runs to the end of the connection.
    return closed ? { status, headers, body: data.subarray(start), keepAlive: false } : undefined;
  }
}

/** Keep-alive connections to one server, one request at a time on each. */
export class RawClient {
  private readonly idle: Socket[] = [];
  /** Connections opened, to see that keep-alive works. */
  connections = 0;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  static for(base: string): RawClient {
    const url = new URL(base);
    return new RawClient(url.hostname, Number(url.port));
  }

  close(): void {
    for (const socket of this.idle.splice(0)) socket.destroy();
  }

  request(request: RawRequest, timeoutMs = 5000): Promise<RawResponse> {
    const reused = this.idle.pop();
    return this.send(reused ?? this.open(), request, timeoutMs).then((result) =>
      // A kept connection the server had closed meanwhile: retry once on a fresh one.
      reused && result.status === 0 && result.stale ? this.send(this.open(), request, timeoutMs) : result,
    );
  }

  private open(): Socket {
    this.connections += 1;
    const socket = connect({ host: this.host, port: this.port });
    socket.setNoDelay(true);
    return socket;
  }

  private send(socket: Socket, request: RawRequest, timeoutMs: number): Promise<RawResponse> {
    const started = performance.now();
    const body = request.body === undefined ? undefined : typeof request.body === 'string' ? wtf8(request.body) : request.body;
    const headers = [...(request.headers ?? [])];
    const has = (name: string) => headers.some(([header]) => header.toLowerCase() === name);
    if (!has('host')) headers.unshift(['host', `${this.host}:${String(this.port)}`]);
    if (body !== undefined && !has('content-length') && !has('transfer-encoding')) headers.push(['content-length', String(body.length)]);
    const head = Buffer.concat([
      wtf8(`${request.method} ${request.path} HTTP/1.1\r\n`),
      ...headers.map(([name, value]) => Buffer.concat([wtf8(`${name}: `), typeof value === 'string' ? wtf8(value) : value, Buffer.from('\r\n')])),
      Buffer.from('\r\n'),
    ]);

    return new Promise((resolve) => {
      let data = Buffer.alloc(0);
      let written = false;
      let done = false;
      const finish = (response: RawResponse, reusable: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        socket.removeListener('data', onData);
        socket.removeListener('end', onEnd);
        socket.removeListener('close', onEnd);
        socket.removeListener('error', onError);
        if (reusable) {
          socket.on('error', () => socket.destroy());
          this.idle.push(socket);
        } else socket.destroy();
        resolve(response);
      };
      const fail = (error: string, stale = data.length === 0) =>
        finish({ status: 0, headers: {}, body: Buffer.alloc(0), ms: performance.now() - started, error, stale }, false);
      const attempt = (closed: boolean) => {
        let parsed: Parsed | undefined;
        try {
          parsed = parseResponse(data, request.method, closed);
        } catch (error) {
          fail(error instanceof Error ? error.message : String(error));
          return;
        }
        if (parsed) {
          finish({ status: parsed.status, headers: parsed.headers, body: parsed.body, ms: performance.now() - started }, parsed.keepAlive && written && !closed);
        } else if (closed) fail(data.length === 0 ? 'closed without answer' : 'closed mid-answer');
      };
      const onData = (chunk: Buffer) => {
        data = Buffer.concat([data, chunk]);
        attempt(false);
      };
      const onEnd = () => attempt(true);
      // A reset after a complete answer (the server refused the rest of a large body) is fine.
      const onError = (error: NodeJS.ErrnoException) => (data.length > 0 ? attempt(true) : fail(error.code ?? error.message));
      const timer = setTimeout(() => fail(`no answer within ${String(timeoutMs)} ms`, false), timeoutMs);
      socket.removeAllListeners('error');
      socket.on('data', onData);
      socket.on('end', onEnd);
      socket.on('close', onEnd);
      socket.on('error', onError);
      socket.write(body ? Buffer.concat([head, body]) : head, (error) => {
        written = !error;
      });
    });
  }
}
