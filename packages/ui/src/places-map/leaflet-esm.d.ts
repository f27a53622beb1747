// Leaflet's real ES module build; its package.json points only at the UMD build, which sets a
// global. Types are those of `leaflet`.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
