import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * One closing line, "Browser journeys: N passed, M failed", in the form `./run test` adds up over
 * every package's runner. A test that did not pass (failed, timed out, interrupted, not run) counts
 * as failed.
 */
export default class SummaryReporter implements Reporter {
  private readonly outcome = new Map<string, boolean>();
  private total = 0;

  onBegin(_config: unknown, suite: { allTests(): TestCase[] }): void {
    this.total = suite.allTests().length;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.outcome.set(test.id, result.status === test.expectedStatus);
  }

  onEnd(_result: FullResult): void {
    const passed = [...this.outcome.values()].filter(Boolean).length;
    process.stdout.write(`Browser journeys: ${passed} passed, ${this.total - passed} failed\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
