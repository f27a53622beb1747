// `cem analyze` (the `analyze` script): the manifest of <kk-barnomsorg>. Only the element and its
// events; the attributes it inherits from KkElement come from @kommunkit/ui's manifest, which
// `pnpm analyze` makes first (see scripts/cem-plugins.mjs). From the manifest it also writes the
// host apps' JSX types, VS Code custom data and JetBrains web-types into dist/ (shipped).
import { hostIntegrations, inheritFrom, onlyDeclaredDefinitions, publicApiOnly } from '../../scripts/cem-plugins.mjs';

/** @type {import('@custom-elements-manifest/analyzer').Config} */
export default {
  globs: ['src/barnomsorg.ts', 'src/events.ts'],
  litelement: true,
  plugins: [inheritFrom('@kommunkit/ui'), publicApiOnly(), onlyDeclaredDefinitions(), hostIntegrations()],
};
