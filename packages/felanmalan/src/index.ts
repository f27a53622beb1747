export { KkFelanmalan, type View } from './felanmalan.js';
export type { ReportSubmittedDetail } from './events.js';
export { downscale, maxPhotoSide } from './photos.js';
