import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as contract from '../src/index.js';
import * as rules from '../src/felanmalan-rules.js';

describe('@kommunkit/contract/felanmalan-rules', () => {
  it('imports nothing, so a widget bundle that uses it gets no schema library', async () => {
    const source = await readFile(new URL('../src/felanmalan-rules.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });

  it('is also exported from the package root, so existing imports keep working', () => {
    for (const [name, value] of Object.entries(rules)) expect(contract[name as keyof typeof contract], name).toBe(value);
  });
});
