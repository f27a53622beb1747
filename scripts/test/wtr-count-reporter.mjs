import { recordResults, summaryLine } from './results.mjs';

/** A web-test-runner reporter that counts test results and records them for the CI line. */
export function countReporter(layer) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  /** Counts the tests of a suite tree; returns how many there were. */
  const walk = (suite) => {
    let seen = suite.tests.length;
    for (const test of suite.tests) {
      if (test.skipped) counts.skipped += 1;
      else if (test.passed) counts.passed += 1;
      else counts.failed += 1;
    }
    for (const child of suite.suites) seen += walk(child);
    return seen;
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        const seen = session.testResults ? walk(session.testResults) : 0;
        // A file that fails to load runs no test: count it as a failure, not as nothing.
        if (!session.passed && seen === 0) counts.failed += 1;
      }
    },
    stop() {
      recordResults(layer, counts);
      console.log(`components: ${summaryLine(counts)}`);
    },
  };
}
