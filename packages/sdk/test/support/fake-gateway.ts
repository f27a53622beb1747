import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Problem } from '@kommunkit/contract';

/** One request as the fake gateway received it. */
export interface Received {
  method: string;
  /** Path and query, e.g. `/api/v1/exempelstad/auth/me`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A scripted answer: a JSON body (or a string sent as it is), a status and headers. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  /** Hold the answer back until this promise settles (to test aborts mid-request). */
  after?: Promise<unknown>;
}

export type Handler = (request: Received) => Answer | undefined;

/**
 * Plays the gateway's part over real HTTP on 127.0.0.1: records every request, answers from
 * a queue of scripted answers, then from `handler`, then with a 500.
 */
export interface FakeGateway {
  url: string;
  requests: Received[];
  /** Answers for the next requests, in order. */
  queue(...answers: Answer[]): void;
  /** Answers once the queue is empty. */
  handler: Handler | undefined;
  close(): Promise<void>;
}

export const problem = (status: number, type: string, title: string, extra: Partial<Problem> = {}, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'application/problem+json', ...headers },
  json: { type, title, status, ...extra },
});

export const ok = (json: unknown, status = 200): Answer => ({ status, json });
export const noContent = (): Answer => ({ status: 204 });

export async function startFakeGateway(handler?: Handler): Promise<FakeGateway> {
  const queued: Answer[] = [];
  const requests: Received[] = [];
  const gateway: Omit<FakeGateway, 'url'> & { url: string } = {
    url: '',
    requests,
    queue: (...answers) => void queued.push(...answers),
    handler,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: Received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(received);
      const answer = queued.shift() ?? gateway.handler?.(received) ?? { status: 500, text: 'no scripted answer' };
      const send = (): void => {
        const body = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? '');
        const headers = { ...(answer.json !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...answer.headers };
        res.writeHead(answer.status, headers).end(body);
      };
      if (answer.after) void answer.after.then(send, send);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return gateway;
}
