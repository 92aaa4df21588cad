import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * One closing line, "Browser journeys: N passed, M failed", in the form `./run test` adds up over
 * every package's runner. A test that did not pass (failed, timed out, interrupted, not run) counts
 * as failed. A test that failed and passed on its retry counts as passed and is named on a line of
 * its own, "Flaky browser journeys: …", so that a retry never hides a flaky journey.
 */
export default class SummaryReporter implements Reporter {
  private readonly outcome = new Map<string, boolean>();
  private readonly flaky = new Set<string>();
  private total = 0;

  onBegin(_config: unknown, suite: { allTests(): TestCase[] }): void {
    this.total = suite.allTests().length;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const ok = result.status === test.expectedStatus;
    this.outcome.set(test.id, ok);
    if (ok && result.retry > 0) this.flaky.add(test.title);
  }

  onEnd(_result: FullResult): void {
    const passed = [...this.outcome.values()].filter(Boolean).length;
    process.stdout.write(`Browser journeys: ${passed} passed, ${this.total - passed} failed\n`);
    if (this.flaky.size) process.stdout.write(`Flaky browser journeys (passed on a retry): ${[...this.flaky].join('; ')}\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
