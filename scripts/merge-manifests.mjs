#!/usr/bin/env node
// Merges each package's custom-elements.json (made by `cem analyze`) into the one manifest
// Storybook reads, so the docs cover every package that defines elements.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const modules = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name, 'custom-elements.json'))
  .filter((file) => existsSync(file))
  .flatMap((file) => JSON.parse(readFileSync(file, 'utf8')).modules ?? []);

writeFileSync(join(root, '.storybook', 'custom-elements.json'), `${JSON.stringify({ schemaVersion: '1.0.0', readme: '', modules }, null, 2)}\n`);
console.log(`custom-elements.json: ${modules.length} modules`);
