import { scrub } from './old-logging.js';
import { scrubText } from '../src/logging.js';
for (const n of [5000, 15000]) {
  const text = `/api/v1/exempelstad?x=${'x'.repeat(n)}`;
  let t = performance.now(); scrub(text); console.log('old', n, Math.round(performance.now() - t), 'ms');
  t = performance.now(); scrubText(text); console.log('new', n, (performance.now() - t).toFixed(2), 'ms');
}
