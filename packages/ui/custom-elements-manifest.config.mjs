// `cem analyze` (the `analyze` script): the manifest of @kommunkit/ui. Only the base element:
// the rest of the package is templates, controllers and styles, not elements. Service packages
// inherit its attributes from this manifest (see scripts/cem-plugins.mjs).
import { onlyDeclaredDefinitions, publicApiOnly } from '../../scripts/cem-plugins.mjs';

/** @type {import('@custom-elements-manifest/analyzer').Config} */
export default {
  globs: ['src/base-element.ts'],
  litelement: true,
  plugins: [publicApiOnly(), onlyDeclaredDefinitions()],
};
