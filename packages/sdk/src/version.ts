// Generated from package.json by scripts/release/sdk-version.mjs (the SDK build and
// `pnpm version-packages` run it): edit the version in package.json, not here.

/** This package's version, sent as `x-kommunkit-client: sdk/<version>`. */
export const sdkVersion = '0.0.0';
