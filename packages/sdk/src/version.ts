/** This package's version, sent as `x-kommunkit-client: sdk/<version>`. A unit test keeps it equal to package.json. */
export const sdkVersion = '0.0.0';
