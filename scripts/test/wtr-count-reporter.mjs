import { recordResults, summaryLine } from './results.mjs';

/** A web-test-runner reporter that counts test results and records them for the CI line. */
export function countReporter(layer) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const walk = (suite) => {
    for (const test of suite.tests) {
      if (test.skipped) counts.skipped += 1;
      else if (test.passed) counts.passed += 1;
      else counts.failed += 1;
    }
    for (const child of suite.suites) walk(child);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that fails to load has no test results: count it as a failure, not as nothing.
        else if (!session.passed) counts.failed += 1;
      }
    },
    stop() {
      recordResults(layer, counts);
      console.log(`components: ${summaryLine(counts)}`);
    },
  };
}
