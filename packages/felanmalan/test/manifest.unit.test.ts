import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as TypeScript from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const analyzerDir = dirname(createRequire(import.meta.url).resolve('@custom-elements-manifest/analyzer/package.json'));

/** What `pnpm analyze` does: each package in dependency order (ui first), then the merge for Storybook. */
function analyze(): void {
  for (const name of ['ui', 'felanmalan']) {
    execFileSync(process.execPath, [join(analyzerDir, 'cem.js'), 'analyze', '--quiet'], { cwd: join(root, 'packages', name), stdio: 'pipe' });
  }
  execFileSync(process.execPath, [join(root, 'scripts', 'merge-manifests.mjs')], { cwd: root, stdio: 'pipe' });
}

const read = (...path: string[]): Package => JSON.parse(readFileSync(join(root, ...path), 'utf8')) as Package;

/** The parts of the custom elements manifest schema that these tests read. */
interface Package {
  modules: { path: string; declarations?: unknown[]; exports?: { kind: string; name: string }[] }[];
}
interface Item {
  name: string;
  privacy?: string;
  inheritedFrom?: { name: string; package?: string; module?: string };
  type?: { text: string };
}
interface ClassDoc {
  kind: string;
  name: string;
  tagName?: string;
  attributes?: Item[];
  members?: Item[];
  events?: Item[];
}

const classes = (manifest: Package): ClassDoc[] =>
  manifest.modules.flatMap((mod) => (mod.declarations ?? []) as ClassDoc[]).filter((declaration) => declaration.kind === 'class');

const nonPublic = (manifest: Package): string[] =>
  classes(manifest).flatMap((klass) =>
    (klass.members ?? [])
      .filter((member) => member.privacy === 'private' || member.privacy === 'protected' || /^[#_]/.test(member.name))
      .map((member) => `${klass.name}.${member.name}`),
  );

describe('custom-elements.json (`pnpm analyze`)', () => {
  let ui: Package;
  let felanmalan: Package;
  let merged: Package;

  beforeAll(() => {
    analyze();
    ui = read('packages', 'ui', 'custom-elements.json');
    felanmalan = read('packages', 'felanmalan', 'custom-elements.json');
    merged = read('.storybook', 'custom-elements.json');
  }, 30_000);

  const element = (manifest: Package): ClassDoc => {
    const found = classes(manifest).find((klass) => klass.tagName === 'kk-felanmalan');
    if (!found) throw new Error('no kk-felanmalan in the manifest');
    return found;
  };

  it('covers only the element and event modules', () => {
    expect(ui.modules.map((mod) => mod.path)).toEqual(['src/base-element.ts']);
    expect(felanmalan.modules.map((mod) => mod.path).sort()).toEqual(['src/events.ts', 'src/felanmalan.ts']);
  });

  it('lists the attributes kk-felanmalan inherits from KkElement, in its own and the merged manifest', () => {
    for (const manifest of [felanmalan, merged]) {
      const attributes = element(manifest).attributes ?? [];
      expect(attributes.map((attribute) => attribute.name)).toEqual(expect.arrayContaining(['view', 'reference', 'kommun', 'api', 'heading-level', 'lang']));
      for (const name of ['kommun', 'api', 'heading-level', 'lang']) {
        expect(attributes.find((attribute) => attribute.name === name)?.inheritedFrom).toEqual({ name: 'KkElement', package: '@kommunkit/ui' });
      }
    }
    const members = element(felanmalan).members ?? [];
    expect(members.map((member) => member.name)).toEqual(expect.arrayContaining(['view', 'reference', 'kommun', 'api', 'headingLevel']));
  });

  it('lists no private or protected member, inherited or own', () => {
    expect(nonPublic(ui)).toEqual([]);
    expect(nonPublic(felanmalan)).toEqual([]);
    expect(nonPublic(merged)).toEqual([]);
    // Not the internals the element's pages use either (marked `@internal`).
    const names = (element(felanmalan).members ?? []).map((member) => member.name);
    expect(names).not.toContain('steps');
    expect(names).not.toContain('categoryForm');
  });

  it('lists the events the widget fires, typed, and none made up from `emit(name)`', () => {
    expect(classes(ui).find((klass) => klass.name === 'KkElement')?.events ?? []).toEqual([]);
    expect((element(felanmalan).events ?? []).map(({ name, type }) => ({ name, type }))).toEqual([
      { name: 'kk-report-submitted', type: { text: 'CustomEvent<ReportSubmittedDetail>' } },
    ]);
  });

  it('defines no tag for `KkElement.define(tag)`', () => {
    const definitions = [...ui.modules, ...felanmalan.modules].flatMap((mod) => mod.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition');
    expect(definitions).toEqual([]);
  });
});

describe('the manifest plugins (scripts/cem-plugins.mjs)', () => {
  interface Analyzer {
    create(options: { modules: TypeScript.SourceFile[]; plugins: unknown[]; context: Record<string, unknown> }): Package;
    ts: typeof TypeScript;
  }
  interface Plugins {
    publicApiOnly(): unknown;
    onlyDeclaredDefinitions(): unknown;
  }

  it('drop #private, _underscored, private and protected members, and definitions of undeclared classes', async () => {
    const { create, ts } = (await import(pathToFileURL(join(analyzerDir, 'index.js')).href)) as Analyzer;
    const { publicApiOnly, onlyDeclaredDefinitions } = (await import(pathToFileURL(join(root, 'scripts', 'cem-plugins.mjs')).href)) as Plugins;
    const source = `
      export class XEl extends HTMLElement {
        #secret = 1;
        _underscored = 2;
        private hidden = 3;
        protected forSubclasses = 4;
        shown = 5;
        static define(tag: string) { customElements.define(tag, this); }
      }
      customElements.define('x-el', XEl);
    `;
    const manifest = create({
      modules: [ts.createSourceFile('src/x-el.ts', source, ts.ScriptTarget.ES2022, true)],
      plugins: [publicApiOnly(), onlyDeclaredDefinitions()],
      context: { dev: false },
    });
    expect(classes(manifest)[0]?.members?.map((member) => member.name)).toEqual(['shown', 'define']);
    expect(manifest.modules[0]?.exports?.filter((entry) => entry.kind === 'custom-element-definition').map((entry) => entry.name)).toEqual(['x-el']);
  });
});
