import { clientHeader, problemMediaType } from '@kommunkit/contract';
import Fastify from 'fastify';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installClientErrors, serverOptions } from '../src/http/client-errors.js';
import { pages, startGateway, testConfig, type TestGateway } from './support/gateway.js';
import { xmlTexts } from './support/xml.js';

/** Small limits, so the test sees them act; the defaults are 30 s, 10 s and 10 s. */
const limits = { requestMs: 1500, headersMs: 800, idleMs: 1000 };
/** What the test waits at most: far beyond every limit, far below what an unlimited server would hold. */
const patience = 8000;

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startGateway({ configure: (config) => Object.assign(config.timeouts, limits) });
});
afterAll(() => gateway.close());

interface Outcome {
  /** When the server closed the connection, ms after it was opened; undefined if it held it for all of `patience`. */
  closedAfter?: number;
  answer: string;
}

/**
 * Opens a raw connection, writes `head`, then one more byte of `drip` every `everyMs` (a
 * client sending as slowly as it likes, but never quite idle), and waits for the server to
 * close the connection.
 */
function slowClient(head: string, { drip = '', everyMs = 200 }: { drip?: string; everyMs?: number } = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const opened = performance.now();
    const socket = connect(Number(new URL(gateway.url).port), '127.0.0.1');
    let answer = '';
    let sent = 0;
    const ticker = drip
      ? setInterval(() => {
          if (!socket.destroyed && sent < drip.length) socket.write(drip[sent++] ?? '');
        }, everyMs)
      : undefined;
    const giveUp = setTimeout(() => {
      socket.removeAllListeners('close');
      socket.destroy();
      clearInterval(ticker);
      resolve({ answer });
    }, patience);
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(ticker);
      clearTimeout(giveUp);
      resolve({ closedAfter: performance.now() - opened, answer });
    });
    if (head) socket.write(head);
  });
}

const bodyOf = (answer: string): string => answer.slice(answer.indexOf('\r\n\r\n') + 4);

describe('time limits on requests and connections', () => {
  it('a body trickled byte by byte is cut at requestMs with 408 problem+json', async () => {
    const head =
      `PUT /api/v1/exempelstad/drafts/felanmalan HTTP/1.1\r\nhost: 127.0.0.1\r\norigin: ${pages.exempelstad}\r\n${clientHeader}: sdk/test\r\n` +
      'content-type: application/json\r\ncontent-length: 200\r\n\r\n';
    const outcome = await slowClient(head, { drip: '{"data":{"x":"'.padEnd(200, 'x') });
    expect(outcome.closedAfter, 'the connection was held open').toBeDefined();
    expect(outcome.closedAfter).toBeGreaterThanOrEqual(limits.requestMs - 100);
    expect(outcome.closedAfter).toBeLessThan(limits.requestMs + 1500);
    expect(outcome.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(outcome.answer.toLowerCase()).toContain(`content-type: ${problemMediaType}`);
    expect(outcome.answer.toLowerCase()).toContain('connection: close');
    expect(JSON.parse(bodyOf(outcome.answer))).toMatchObject({ status: 408, detail: 'Begäran kom inte fram i tid. Försök igen.' });
  });

  it('the same on Open311 answers 408 as an Open311 error, in XML for .xml', async () => {
    const head =
      'POST /open311/v2/requests.xml?jurisdiction_id=exempelstad HTTP/1.1\r\nhost: 127.0.0.1\r\n' +
      'content-type: application/x-www-form-urlencoded\r\ncontent-length: 200\r\n\r\n';
    const outcome = await slowClient(head, { drip: 'description='.padEnd(200, 'x') });
    expect(outcome.closedAfter, 'the connection was held open').toBeDefined();
    expect(outcome.closedAfter).toBeLessThan(limits.requestMs + 1500);
    expect(outcome.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(xmlTexts(bodyOf(outcome.answer))).toEqual(['408', 'Begäran kom inte fram i tid. Försök igen.']);
  });

  it('request headers trickled byte by byte are cut at headersMs', async () => {
    const outcome = await slowClient('', { drip: 'GET /health HTTP/1.1\r\nx-slow: '.padEnd(200, 'x') });
    expect(outcome.closedAfter, 'the connection was held open').toBeDefined();
    expect(outcome.closedAfter).toBeLessThan(limits.headersMs + 1500);
    expect(outcome.answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('a connection that sends nothing is closed', async () => {
    const outcome = await slowClient('');
    expect(outcome.closedAfter, 'the connection was held open').toBeDefined();
    expect(outcome.closedAfter).toBeLessThan(limits.idleMs + 1500);
  });

  it('a kept-alive connection is closed once idle after its answer', async () => {
    const outcome = await slowClient('GET /health HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
    expect(outcome.answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(outcome.closedAfter, 'the connection was held open').toBeDefined();
    expect(outcome.closedAfter).toBeLessThan(2 * limits.idleMs + 1500);
  });
});

describe('the idle limit spares requests being answered', () => {
  // The gateway has no route that is slow on purpose, so this is a bare Fastify with the
  // gateway's own server options and hooks, and one route slower than the idle limit.
  it('an answer that takes longer than idleMs still arrives', async () => {
    const config = testConfig('http://127.0.0.1');
    Object.assign(config.timeouts, limits);
    const app = Fastify({ ...serverOptions(config), logger: false });
    installClientErrors(app);
    app.get('/slow', async () => {
      await new Promise((resolve) => setTimeout(resolve, limits.idleMs * 2));
      return { done: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const response = await fetch(`http://127.0.0.1:${String(port)}/slow`);
      expect(await response.json()).toEqual({ done: true });
    } finally {
      await app.close();
    }
  });
});
