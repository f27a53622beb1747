import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from './support/gateway.js';
import { RawClient, type RawResponse } from './support/raw-http.js';

let gateway: TestGateway;
let root: string;
const scripts = { loader: `export const loader = ${JSON.stringify('x'.repeat(2000))};\n`, chunk: `export const chunk = ${JSON.stringify('y'.repeat(2000))};\n` };
beforeAll(async () => {
  // An embed bundle as its build leaves it: each script with its brotli and gzip copy beside it.
  root = mkdtempSync(join(tmpdir(), 'kk-embed-'));
  mkdirSync(join(root, 'chunks'));
  for (const [file, text] of [['kommunkit.js', scripts.loader], ['chunks/define-abc123.js', scripts.chunk]] as const) {
    writeFileSync(join(root, file), text);
    writeFileSync(join(root, `${file}.br`), brotliCompressSync(text));
    writeFileSync(join(root, `${file}.gz`), gzipSync(text));
  }
  gateway = await startGateway({ embedRoot: root });
});
afterAll(async () => {
  await gateway.close();
  rmSync(root, { recursive: true, force: true });
});

async function get(path: string, acceptEncoding?: string): Promise<RawResponse> {
  const client = RawClient.for(gateway.url);
  try {
    return await client.request({ method: 'GET', path, headers: acceptEncoding === undefined ? [] : [['accept-encoding', acceptEncoding]] });
  } finally {
    client.close();
  }
}

describe('the embed bundle', () => {
  it.each([
    ['the loader', '/kommunkit/v1/kommunkit.js', scripts.loader, 'public, max-age=300'],
    ['a chunk', '/kommunkit/v1/chunks/define-abc123.js', scripts.chunk, 'public, max-age=31536000, immutable'],
  ])('%s is sent as its brotli copy, its gzip copy or as it is, by what the client accepts, cached the same', async (_name, path, text, cacheControl) => {
    const brotli = await get(path, 'gzip, deflate, br');
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).toString()).toBe(text);
    const gzip = await get(path, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(text);
    const plain = await get(path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(text);
    for (const answer of [brotli, gzip, plain]) {
      expect(answer.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
      // A cache in front of the gateway keeps one copy per encoding, and the loader's stays short-lived.
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      expect(answer.headers['cache-control']).toBe(cacheControl);
      expect(answer.headers['access-control-allow-origin']).toBe('*');
    }
  });

  it('has no URLs of its own for the compressed copies', async () => {
    expect((await get('/kommunkit/v1/kommunkit.js.br', 'br')).status).toBe(404);
    expect((await get('/kommunkit/v1/chunks/define-abc123.js.gz')).status).toBe(404);
  });
});
