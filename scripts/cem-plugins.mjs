// Plugins for `cem analyze` (@custom-elements-manifest/analyzer), shared by the packages'
// custom-elements-manifest.config.mjs. The manifest documents what page authors use: the
// elements' public attributes, properties, events, parts and CSS properties.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';

/** @typedef {import('@custom-elements-manifest/analyzer').Plugin} Plugin */
/** @typedef {import('custom-elements-manifest/schema').Package} Package */

/**
 * The manifest of an installed package, found as the analyzer finds dependencies' manifests:
 * its `custom-elements.json`, or the file its package.json names in `customElements`.
 * @param {string} name
 * @param {string} cwd
 * @returns {Package}
 */
function readManifest(name, cwd) {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const packageJsonPath = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(packageJsonPath)) {
      const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
      const manifestPath = join(dirname(packageJsonPath), packageJson.customElements ?? 'custom-elements.json');
      if (!existsSync(manifestPath)) {
        throw new Error(`${name} has no ${manifestPath}: analyse it first (\`pnpm analyze\` runs the packages in dependency order).`);
      }
      return JSON.parse(readFileSync(manifestPath, 'utf8'));
    }
    if (dirname(dir) === dir) throw new Error(`Cannot find the package ${name} from ${cwd}.`);
  }
}

/**
 * Classes inherit the attributes, properties, events, parts and CSS properties of base classes
 * in other packages, e.g. every widget's `kommun`, `api`, `heading-level` and `lang` from
 * `KkElement` in @kommunkit/ui.
 *
 * The analyzer's own inheritance does the work: it resolves superclasses in the manifest being
 * made and in `context.thirdPartyCEMs`, which `--dependencies` fills. That flag is not used because
 * its dependency walk (@custom-elements-manifest/find-dependencies 0.0.7) resolves the analysed
 * files' relative imports from the package root, printing a "Cannot resolve" line for each, and
 * reads the whole import graph; this plugin adds the named packages' manifests instead. It also
 * names the package in `inheritedFrom`, where the analyzer writes the base class's module path
 * as if it were in this package.
 * @param {...string} packages the packages whose manifests hold the base classes
 * @returns {Plugin}
 */
export function inheritFrom(...packages) {
  /** @type {Map<string, string>} class name → package */
  const packageOfClass = new Map();
  return {
    name: 'kommunkit - inherit from packages',
    initialize({ context }) {
      const manifests = packages.map((name) => {
        const manifest = readManifest(name, process.cwd());
        for (const mod of manifest.modules ?? []) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.kind === 'class' || declaration.kind === 'mixin') packageOfClass.set(declaration.name, name);
          }
        }
        return manifest;
      });
      context.thirdPartyCEMs = [...(/** @type {Package[] | undefined} */ (context.thirdPartyCEMs) ?? []), ...manifests];
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const item of inheritedItems(customElementsManifest)) {
        const pkg = item.inheritedFrom && packageOfClass.get(item.inheritedFrom.name);
        if (pkg) item.inheritedFrom = { name: item.inheritedFrom.name, package: pkg };
      }
    },
  };
}

/** @param {Package} manifest */
function* inheritedItems(manifest) {
  for (const mod of manifest.modules ?? []) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.kind !== 'class' && declaration.kind !== 'mixin') continue;
      for (const key of /** @type {const} */ (['attributes', 'members', 'events', 'slots', 'cssParts', 'cssProperties', 'cssStates'])) {
        for (const item of /** @type {any[]} */ (declaration[key] ?? [])) if (item.inheritedFrom) yield item;
      }
    }
  }
}

/**
 * Only public API: drops private and protected members (TypeScript's `private`/`protected`,
 * `#private` fields, and `_`-prefixed names), inherited ones too. Members marked `@internal` or
 * `@ignore` the analyzer leaves out itself. Runs after the analyzer has applied inheritance.
 * @returns {Plugin}
 */
export function publicApiOnly() {
  return {
    name: 'kommunkit - public API only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class' && declaration.kind !== 'mixin') continue;
          declaration.members = declaration.members?.filter(
            (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !/^[#_]/.test(member.name),
          );
        }
      }
    },
  };
}

/**
 * Drops the tag definitions the analyzer makes up from a `customElements.define(tag, this)`
 * call with a variable tag, such as `KkElement.define()`'s: a tag `tag` for a class
 * `anonymous_0` that is declared nowhere. Widgets name their tag with `@tagname` instead.
 * @returns {Plugin}
 */
export function onlyDeclaredDefinitions() {
  return {
    name: 'kommunkit - only declared definitions',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules ?? [];
      const declared = (/** @type {{ name: string, module?: string }} */ reference) =>
        modules.some((mod) => mod.path === reference.module && mod.declarations?.some((declaration) => declaration.name === reference.name));
      for (const mod of modules) {
        mod.exports = mod.exports?.filter((entry) => entry.kind !== 'custom-element-definition' || declared(entry.declaration));
      }
    },
  };
}

/**
 * What editors and type checkers of the host app read, made from the finished manifest by the
 * cem-tools plugins (break-stuff/cem-tools) into `outdir` (shipped in the package):
 * - `jsx.d.ts`: `CustomElements`, the elements' JSX props (attributes, properties, `on<event>`
 *   handlers with typed `detail`), from custom-element-jsx-integration, typed from the package's
 *   own classes (`globalTypePath`) so a prop has its property's exact type;
 * - `jsx-react.d.ts` and `jsx-preact.d.ts`: add them to React 19's and Preact's
 *   `JSX.IntrinsicElements` (a host app imports one, or names it in `compilerOptions.types`);
 * - `vscode.html-custom-data.json`, `vscode.css-custom-data.json`: VS Code's custom data
 *   (`html.customData`/`css.customData`), from custom-element-vs-code-integration;
 * - `web-types.json`: JetBrains IDEs read it through package.json's `web-types`, from
 *   custom-element-jet-brains-integration.
 * Each `.d.ts` has an empty `.js` twin, so the type-only entries resolve like every other.
 * Runs after `publicApiOnly()`, so private members stay out of all of them.
 * @param {{ outdir?: string, typesFrom?: string }} [options] `typesFrom`: the module, relative to
 *   `outdir`, that exports the element classes and the events' detail types
 * @returns {Plugin}
 */
export function hostIntegrations({ outdir = 'dist', typesFrom = './index.js' } = {}) {
  return {
    name: 'kommunkit - host integrations',
    packageLinkPhase({ customElementsManifest }) {
      mkdirSync(outdir, { recursive: true });
      const copy = () => /** @type {any} */ (structuredClone(customElementsManifest));
      // The manifest's event `type` is the event's (`CustomEvent<Detail>`, as the schema says);
      // the JSX generator wraps it in `CustomEvent<…>` itself, so it is handed the detail type.
      const forJsx = copy();
      for (const mod of forJsx.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            const detail = /^CustomEvent<(.+)>$/.exec(event.type?.text ?? '')?.[1];
            if (detail) event.type = { text: detail };
          }
          // An attribute with no field of its own (ui's `lang`, HTMLElement's property) is typed
          // from the property of its name, not from `Class["undefined"]`.
          for (const attribute of declaration.attributes ?? []) {
            attribute.fieldName ??= attribute.name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
          }
        }
      }
      generateJsxTypes(forJsx, { outdir, fileName: 'jsx.d.ts', globalTypePath: typesFrom, hideLogs: true });
      // The editor's pop-up links to the package's README (package.json's `homepage`).
      const { homepage } = JSON.parse(readFileSync('package.json', 'utf8'));
      const reference = homepage ? { name: 'README', url: homepage } : undefined;
      generateVsCodeCustomElementData(copy(), { outdir, hideLogs: true, ...(reference ? { referencesTemplate: () => [reference] } : {}) });
      generateJetBrainsWebTypes(copy(), { outdir, webTypesFileName: 'web-types.json', hideLogs: true, ...(reference ? { referenceTemplate: () => reference } : {}) });
      const header = '// Generated by `cem analyze` (scripts/cem-plugins.mjs, hostIntegrations).\n';
      const intrinsic = (/** @type {string} */ module, /** @type {string} */ what) =>
        `${header}// ${what}: \`import type {} from '<package>/jsx-${module}'\`, or name it in tsconfig's \`types\`.\n` +
        `import type { CustomElements } from './jsx.js';\n\n` +
        `declare module '${module}' {\n  namespace JSX {\n    interface IntrinsicElements extends CustomElements {}\n  }\n}\n`;
      writeFileSync(join(outdir, 'jsx-react.d.ts'), intrinsic('react', "The elements in React 19's JSX"));
      writeFileSync(join(outdir, 'jsx-preact.d.ts'), intrinsic('preact', "The elements in Preact's JSX"));
      for (const name of ['jsx', 'jsx-react', 'jsx-preact']) writeFileSync(join(outdir, `${name}.js`), `${header}// Types only: see ${name}.d.ts.\nexport {};\n`);
    },
  };
}
