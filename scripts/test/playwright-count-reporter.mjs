import { recordResults, summaryLine } from './results.mjs';

/** A Playwright reporter that counts final test outcomes and records them for the CI line. */
export default class CountReporter {
  counts = { passed: 0, failed: 0, skipped: 0 };

  onTestEnd(test, result) {
    if (result.retry < test.retries && result.status !== 'passed') return;
    if (result.status === 'skipped') this.counts.skipped += 1;
    else if (result.status === 'passed') this.counts.passed += 1;
    else this.counts.failed += 1;
  }

  onEnd(result) {
    if (result.status !== 'passed' && this.counts.failed === 0) this.counts.failed += 1;
    recordResults('e2e', this.counts);
    console.log(`e2e: ${summaryLine(this.counts)}`);
  }

  printsToStdio() {
    return false;
  }
}
