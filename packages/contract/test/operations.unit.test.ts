import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { DraftBody, KommunId, pathFor, Problem, problemTypes } from '../src/index.js';

describe('contract', () => {
  it('fills and encodes path parameters', () => {
    expect(pathFor('/api/v1/:kommun/drafts/:service', { kommun: 'exempelstad', service: 'felanmalan' })).toBe(
      '/api/v1/exempelstad/drafts/felanmalan',
    );
    expect(pathFor('/api/v1/:kommun', { kommun: 'a/b' })).toBe('/api/v1/a%2Fb');
    expect(() => pathFor('/api/v1/:kommun', {})).toThrow(/kommun/);
  });

  it('accepts kommun ids of lower-case letters, digits and dashes only', () => {
    expect(['exempelstad', 'upplands-vasby', 'a1'].every((id) => Value.Check(KommunId, id))).toBe(true);
    expect(['Exempelstad', '-x', 'x-', '', 'a b', 'ö'].some((id) => Value.Check(KommunId, id))).toBe(false);
    // `/api/v1/embedding` is the embedding check, so no kommun may be called that.
    expect(Value.Check(KommunId, 'embedding')).toBe(false);
    expect(Value.Check(KommunId, 'embedding-by')).toBe(true);
  });

  it('describes problems with a stable type and field errors', () => {
    const problem = {
      type: problemTypes.validation,
      title: 'Uppgifterna behöver rättas',
      status: 400,
      errors: [{ pointer: '/body/data', detail: 'Måste vara ett objekt' }],
    };
    expect(Value.Check(Problem, problem)).toBe(true);
    expect(Value.Check(Problem, { ...problem, status: 200 })).toBe(false);
  });

  it('refuses unknown properties in a draft', () => {
    expect(Value.Check(DraftBody, { data: { name: 'Anna' }, step: 'contact' })).toBe(true);
    expect(Value.Check(DraftBody, { data: {}, owner: 'someone-else' })).toBe(false);
  });
});

describe('@kommunkit/contract/routes', () => {
  it('imports nothing, so a widget bundle that uses it gets no schema library', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('../src/routes.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });
});
