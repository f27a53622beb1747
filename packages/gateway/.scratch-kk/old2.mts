import { scrub } from './old-logging.js';
const size = 64 * 1024;
const cases: [string, string][] = [
    ['a word run', 'x'.repeat(size)],
    ['a word run with an @ at its end', `${'x'.repeat(size)}@`],
    ['a run of digits', '1'.repeat(size)],
    ['dotted words and @', 'a.'.repeat(size / 2) + '@b'],
    ['digits and dashes', '0-'.repeat(size / 2)],
];
for (const [name, text] of cases) { const t = performance.now(); scrub(text); console.log(name, Math.round(performance.now() - t)); }
