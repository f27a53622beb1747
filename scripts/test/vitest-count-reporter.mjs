import { recordResults, summaryLine } from './results.mjs';

/** A project's name without the ` (chromium)` Vitest appends for each browser instance. */
function layerOf(project) {
  const { name, browser } = project.config;
  const suffix = browser?.enabled ? ` (${browser.name})` : '';
  return suffix && name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
}

/**
 * A Vitest reporter that counts test cases and records them for the CI line, under the layer
 * named by TEST_LAYER (set by scripts/test-all.mjs), else the project names of the run.
 */
export default class CountReporter {
  onTestRunEnd(testModules, unhandledErrors) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const projects = new Set();
    for (const module of testModules) {
      projects.add(layerOf(module.project));
      // A file that fails to load has no test cases: count it as a failure, not as nothing.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) counts.failed += 1;
      for (const test of module.children.allTests()) {
        const { state } = test.result();
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
      }
    }
    counts.failed += unhandledErrors.length;
    const layer = process.env.TEST_LAYER || [...projects].sort().join('+') || 'vitest';
    recordResults(layer, counts);
    console.log(`${layer}: ${summaryLine(counts)}`);
  }
}
