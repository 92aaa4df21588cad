import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * The browser journeys (test/web) on Playwright's runner: Debian's Chromium (never a downloaded
 * browser), one worker (the platform each worker starts takes both cores of a CI machine), one
 * retry, traces kept for failed tests, everything written under test-artifacts/ at the repository root.
 */
const REPO_ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');

export default defineConfig({
  testDir: './test/web',
  testMatch: '**/*.e2e-spec.ts',
  outputDir: join(ARTIFACTS, 'playwright'),
  workers: 1,
  fullyParallel: false,
  // One retry, in a fresh worker and platform: a journey that fails twice is a failure; one that
  // passes on its retry is reported as flaky by name (summary-reporter.ts) for someone to fix.
  retries: 1,
  forbidOnly: true,
  // A journey walks several roles through a case; a loaded 2-core machine has taken minutes.
  timeout: 600_000,
  // Generous on purpose: a step that waits is a failure only when the page never gets there, and a
  // loaded 2-core machine has taken over 10 s for steps that take 1 s on a quiet one.
  expect: { timeout: 30_000 },
  reporter: [['list'], ['./test/web/summary-reporter.ts'], ['html', { outputFolder: join(ARTIFACTS, 'playwright-report'), open: 'never' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
    },
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    acceptDownloads: true,
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
  },
});
