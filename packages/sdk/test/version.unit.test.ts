import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// A release as it is made: `changeset version` bumps package.json, then the SDK's build (or
// `pnpm version-packages`) writes the version into src/version.ts, which every bundle and dist/
// are built from. Run on a copy of the workspace's package files and changesets, so it also fails
// when a changeset would make `changeset version` fail.
const root = join(import.meta.dirname, '..', '..', '..');
const packageDirs = [...readdirSync(join(root, 'packages')).map((name) => join('packages', name)), 'bench'].filter((dir) =>
  existsSync(join(root, dir, 'package.json')),
);
const { publishedPackages: published } = (await import(pathToFileURL(join(root, 'scripts', 'release', 'packages.mjs')).href)) as { publishedPackages: string[] };
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { version: string; private?: boolean; scripts: Record<string, string> };

let copy: string;
beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), 'kommunkit-version-'));
  for (const file of ['package.json', 'pnpm-workspace.yaml', 'scripts/release/sdk-version.mjs', 'packages/sdk/src/version.ts']) {
    cpSync(join(root, file), join(copy, file));
  }
  for (const dir of packageDirs) cpSync(join(root, dir, 'package.json'), join(copy, dir, 'package.json'));
  mkdirSync(join(copy, '.changeset'));
  for (const file of readdirSync(join(root, '.changeset')).filter((name) => name.endsWith('.md') || name === 'config.json')) {
    cpSync(join(root, '.changeset', file), join(copy, '.changeset', file));
  }
  // A major change of the SDK: whatever the other changesets say, the fixed group goes to 1.0.0.
  writeFileSync(join(copy, '.changeset', 'version-test.md'), '---\n"@kommunkit/sdk": major\n---\n\nA release.\n');
  writeFileSync(join(copy, 'packages', 'sdk', 'package.json'), JSON.stringify({ ...readJson(join(root, 'packages', 'sdk', 'package.json')), version: '0.0.0' }, null, 2));
});
afterEach(() => rmSync(copy, { recursive: true, force: true }));

/** Runs a package.json script's text as pnpm would, with the workspace's tools on PATH. */
function runScript(command: string, cwd: string) {
  execFileSync('sh', ['-c', command], {
    cwd,
    stdio: 'pipe',
    env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
  });
}

async function sdkVersionIn(dir: string): Promise<string> {
  const module = (await import(`${pathToFileURL(join(dir, 'packages', 'sdk', 'src', 'version.ts')).href}?${Date.now()}`)) as { sdkVersion: string };
  return module.sdkVersion;
}

describe('the SDK version', () => {
  it('is written from package.json by the SDK build after `changeset version`', async () => {
    runScript('changeset version', copy);
    const sdk = readJson(join(copy, 'packages', 'sdk', 'package.json'));
    expect(sdk.version).toBe('1.0.0');
    expect(await sdkVersionIn(copy)).toBe('0.0.0');

    // The build: everything before `tsc`, which then compiles src/version.ts into dist.
    const [beforeTsc] = sdk.scripts.build!.split(/\s*&&\s*tsc\b/);
    expect(beforeTsc).toMatch(/sdk-version\.mjs/);
    runScript(beforeTsc!, join(copy, 'packages', 'sdk'));
    expect(await sdkVersionIn(copy)).toBe('1.0.0');
  }, 60_000);

  it('is written by `pnpm version-packages`, which versions only the published packages', async () => {
    runScript(readJson(join(copy, 'package.json')).scripts['version-packages']!, copy);
    expect(await sdkVersionIn(copy)).toBe('1.0.0');
    for (const dir of packageDirs) {
      const pkg = readJson(join(copy, dir, 'package.json'));
      if (pkg.private) {
        expect(pkg.version, dir).toBe('0.0.0');
        expect(existsSync(join(copy, dir, 'CHANGELOG.md')), `${dir} has no changelog`).toBe(false);
      } else {
        expect(published.map((name) => join('packages', name))).toContain(dir);
        expect(pkg.version, dir).toBe('1.0.0');
        expect(readFileSync(join(copy, dir, 'CHANGELOG.md'), 'utf8')).toContain('## 1.0.0');
      }
    }
  }, 60_000);
});
