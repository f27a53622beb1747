export { KkFelanmalan } from './felanmalan.js';
export type { View } from './types.js';
export type { ReportSubmittedDetail } from './events.js';
export { downscale, maxPhotoSide } from './photos.js';
