import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';
import { cleanupTestEnv, http, newTestEnv, REPO_ROOT, type TestEnv } from '@firstset/testing';
import { type Platform, startPlatform } from '../platform';

export { expect } from '@playwright/test';
export { onePagePdf } from '../one-page-pdf';

/**
 * What the browser journeys share, as Playwright fixtures: the whole platform (started once per
 * worker and shared by the files of one `platformGroup`), Debian's Chromium (configured in
 * playwright.config.ts), sign-in, screenshots, and the checks every screen of a journey passes:
 * no English left in the zh-CN UI, screen-reader labels in Chinese, no serious or critical axe
 * violation (WCAG 2 A/AA), and no Content-Security-Policy violation.
 */

export const DEMO = JSON.parse(readFileSync(join(REPO_ROOT, 'scripts', 'demo-data.json'), 'utf8')) as {
  password: string;
  institutions: Array<{ id: string }>;
  experts: Array<{ id: string }>;
};
export const SHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots');
const DOCS_SHOTS = join(REPO_ROOT, 'docs', 'screenshots');
const WEB_DIST = join(REPO_ROOT, 'apps', 'web', 'dist', 'index.html');

const pad = (n: number) => String(n).padStart(2, '0');
/** A local date as YYYY-MM-DD. */
export const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
export const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);
/** Today in China (the services' dates are Beijing dates, whatever the machine's zone). */
export const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Copies a screenshot the journey took into docs/screenshots (the README's pictures). */
export function keepForDocs(shot: string, as = shot): void {
  mkdirSync(DOCS_SHOTS, { recursive: true });
  copyFileSync(join(SHOTS, `${shot}.png`), join(DOCS_SHOTS, `${as}.png`));
}

/** The platform of a worker: its processes, its test environment, the gateway's API and the web origin. */
export interface RunningPlatform extends Platform {
  env: TestEnv;
  api: string;
  origin: string;
  /** A demo account's access token through the API. */
  login(username: string): Promise<string>;
}

/** A Content-Security-Policy violation a page reported (issue 14: the web app satisfies its policy). */
export interface CspViolation {
  directive: string;
  blocked: string;
  source: string;
}

/** A contrast finding's colours and ratio, which say what to change in the theme. */
function contrastOf(node: { any: Array<{ data?: unknown }> }): string {
  const data = node.any.find((c) => c.data && typeof c.data === 'object' && 'contrastRatio' in c.data)?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
  return data ? ` [${data.fgColor} on ${data.bgColor}: ${data.contrastRatio}:1]` : '';
}

/** axe rules a page must pass: WCAG 2 level A and AA; serious and critical findings fail the journey. */
const AXE_TAGS = ['wcag2a', 'wcag2aa'];
const FAILING_IMPACT = new Set(['serious', 'critical']);

/**
 * One journey's browser pages, its timings and its screenshots. `allowed` lists what may appear in
 * Latin letters on a zh-CN page: data the test typed, codes, file format names.
 */
export class WebRun {
  readonly pages: Page[] = [];
  readonly timings: string[] = [];
  /** CSP violations reported by the pages since the last check (securitypolicyviolation events and console reports). */
  readonly cspViolations: CspViolation[] = [];
  /** What the last accessibility check of each page saw, so an unchanged screen is not checked twice. */
  private readonly checked = new WeakMap<Page, string>();
  /** Time spent in the screens' checks, which a journey's own time (in its timings) leaves out. Speed is measured by `npm run bench`, not asserted here. */
  checkMs = 0;
  t0 = Date.now();

  /** Milliseconds since `since`, without the time the screens' checks took meanwhile. */
  journeyMs(since: number, checkMsAtStart = 0): number {
    return Date.now() - since - (this.checkMs - checkMsAtStart);
  }

  constructor(
    private readonly browser: Browser,
    readonly origin: string,
    private readonly allowed: Array<string | RegExp>,
    private readonly options: { fullPageShots: boolean },
  ) {}

  mark(what: string): void {
    this.timings.push(`${((Date.now() - this.t0) / 1000).toFixed(1)}s ${what}`);
  }

  /** A page in a context of its own (its own sign-in), zh-CN, reporting CSP violations to the run. */
  async newPage(): Promise<Page> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
    // The page reports each violation to the test (the init script runs outside the page's CSP).
    await context.exposeBinding('__reportCspViolation', (_source, v: CspViolation) => {
      this.cspViolations.push(v);
    });
    await context.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (e) => window.__reportCspViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile + ':' + e.lineNumber }));`,
    });
    const page = await context.newPage();
    // Chromium also logs what it refused; a report the event missed (in a frame) counts as well.
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) this.cspViolations.push({ directive: 'console', blocked: msg.text().slice(0, 300), source: msg.location().url });
    });
    this.pages.push(page);
    return page;
  }

  /** Signs a demo account in on the sign-in page and checks the workspace it lands on. */
  async signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${this.origin}/login`);
    await this.checkAccessibility(page);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO.password);
    await page.getByRole('button', { name: /^登\s?录$/ }).click();
    await expect(page.getByText('工作台首页').first()).toBeVisible();
    await this.checkAccessibility(page);
  }

  /** A screenshot into test-artifacts/screenshots, animations stopped, after the screen's checks. */
  async shot(page: Page, name: string): Promise<void> {
    await this.checkAccessibility(page);
    mkdirSync(SHOTS, { recursive: true });
    this.mark(name);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: this.options.fullPageShots, animations: 'disabled' });
  }

  /** The screen's text has no English left (beyond `allowed`), and it passes the accessibility checks. */
  async expectNoEnglish(page: Page): Promise<void> {
    const started = Date.now();
    const text = this.strip(await page.locator('body').innerText());
    this.checkMs += Date.now() - started;
    expect(text.match(/[A-Za-z]{2,}/g) ?? [], 'English words in the zh-CN page').toEqual([]);
    await this.checkAccessibility(page);
  }

  /**
   * axe (WCAG 2 A/AA) finds nothing serious or critical, and what a screen reader reads of the visible
   * elements (aria-label, title) is Chinese in the zh-CN UI: antd's icons label themselves in English
   * ("search", "close") unless the app gives them a label.
   */
  async checkAccessibility(page: Page): Promise<void> {
    const started = Date.now();
    try {
      await this.checkScreen(page);
    } finally {
      this.checkMs += Date.now() - started;
    }
  }

  private async checkScreen(page: Page): Promise<void> {
    const seen = `${page.url()} ${await page.locator('body').evaluate((body) => body.innerHTML.length)}`;
    if (this.checked.get(page) === seen) return;
    const labels = await page.locator('[aria-label], [title]').evaluateAll((elements) =>
      elements
        .filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"]'))
        .flatMap((el) =>
          ['aria-label', 'title']
            .map((a) => el.getAttribute(a))
            .filter((v): v is string => !!v)
            .map((v) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">: ${v}`),
        ),
    );
    const english = labels.filter((l) => /[A-Za-z]{2,}/.test(this.strip(l.slice(l.indexOf('>: ') + 3))));
    expect(english, `screen-reader labels in English on ${page.url()}`).toEqual([]);
    const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    const failing = violations
      .filter((v) => FAILING_IMPACT.has(v.impact ?? ''))
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}${contrastOf(n)}`).join(' | ')})`);
    expect(failing, `axe violations on ${page.url()}`).toEqual([]);
    this.checked.set(page, seen);
  }

  private strip(text: string): string {
    for (const a of this.allowed) text = typeof a === 'string' ? text.split(a).join('') : text.replace(a, '');
    return text;
  }

  /** On failure: what each open page showed, attached to the report and kept with the screenshots. */
  async attachOpenPages(testInfo: TestInfo): Promise<void> {
    for (const [i, page] of this.pages.entries()) {
      if (page.isClosed()) continue;
      const png = await page.screenshot({ fullPage: true, animations: 'disabled' }).catch(() => undefined);
      if (png) await testInfo.attach(`page-${i}`, { body: png, contentType: 'image/png' });
    }
  }
}

export interface WorkerFixtures {
  /** Files with the same group share one platform (and one worker); another group gets a fresh one. */
  platformGroup: string;
  platform: RunningPlatform;
}

export interface TestFixtures {
  /** What may appear in Latin letters on the journey's zh-CN pages. */
  allowed: Array<string | RegExp>;
  fullPageShots: boolean;
  web: WebRun;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  platformGroup: ['default', { scope: 'worker', option: true }],
  platform: [
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the group only keys the worker
    async ({ platformGroup }, use) => {
      if (!existsSync(WEB_DIST)) throw new Error('apps/web is not built: run `npx turbo run build --filter=@firstset/web`');
      const env = newTestEnv();
      const platform = await startPlatform(env);
      const api = platform.baseUrl;
      const login = async (username: string) => {
        const res = await http(api, 'POST', '/auth/login', { body: { username, password: DEMO.password } });
        if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status}`);
        return (res.body as { accessToken: string }).accessToken;
      };
      try {
        await use({ ...platform, env, api, origin: api.replace(/\/api$/, ''), login });
      } finally {
        await platform.stop();
        await cleanupTestEnv(env);
      }
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  allowed: [[], { option: true }],
  fullPageShots: [false, { option: true }],
  web: async ({ browser, platform, allowed, fullPageShots }, use, testInfo) => {
    const run = new WebRun(browser, platform.origin, allowed, { fullPageShots });
    await use(run);
    if (testInfo.status !== testInfo.expectedStatus) await run.attachOpenPages(testInfo);
    if (run.timings.length > 0) await testInfo.attach('timings', { body: run.timings.join('\n'), contentType: 'text/plain' });
    for (const page of run.pages) await page.context().close();
    // Every journey fails on any CSP violation of its pages, whether or not it looks for one.
    expect(run.cspViolations, 'Content-Security-Policy violations').toEqual([]);
  },
});

/**
 * Picks `option` in the antd select labelled `label` inside `scope`, again until the select shows
 * it: under load a click can land in the dropdown's opening animation or in a re-render and be lost,
 * and the form would go on without the choice. Works for single and multiple selects (the choice
 * shows as the value or as a tag). The open dropdown is the page's, outside any dialog.
 */
export async function chooseOption(scope: Page | Locator, label: string, option: string, opts: { search?: string } = {}): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const select = scope.getByLabel(label, { exact: true });
  const box = select.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  // The choice carries the option's text as its title (the value, or a tag); antd's live region for
  // screen readers repeats the text without a title, so it cannot be mistaken for the choice.
  const chosen = box.getByTitle(option).first();
  await expect(async () => {
    if (!(await chosen.isVisible())) {
      await select.click();
      // A select searched on the server lists the option once its text is typed.
      if (opts.search) await select.fill(opts.search);
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click({ timeout: 3_000 });
    }
    await expect(chosen).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  // A single select closes its list after the choice; while it fades out, its screen-reader listbox
  // still holds the options' raw values ("valid", "expired"), which a page-text check would read.
  if (!(await box.evaluate((el) => el.classList.contains('ant-select-multiple')))) {
    await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  }
}

/** Presses the confirmation's OK (antd spaces a two-character label) and waits for it to close. */
export async function confirmDialog(page: Page, title: string | RegExp, ok: RegExp = /确\s*定/): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ hasText: title });
  await dialog.getByRole('button', { name: ok }).click();
  await expect(dialog).toBeHidden();
}

/** An antd date picker (on the page or in a dialog): type the value, press Enter, leave the field. */
export async function pickDate(scope: Page | Locator, label: string, value: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await input.page().keyboard.press('Tab');
}

/** The error line under a form field (antd's explain area of the field's item). */
export const explainOf = (field: Locator) =>
  field.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-form-item ")][1]').locator('.ant-form-item-explain');

/**
 * The officer's formal review through the API (M7.3, M12.1): every applicable material passed and
 * every condition of M5 and M6 met, except the slots and conditions the journey judges in the browser.
 */
export async function judgeByApi(api: string, token: string, applicationId: string, except: string[] = []): Promise<void> {
  const sheet = (await http(api, 'GET', `/preliminary-review/applications/${applicationId}/formal-review`, { token })).body as {
    items: Array<{ slotId: string; applies: boolean; required: boolean; conditionUnknown: boolean; qualifiedInstitutionRequired: boolean; passed: boolean | null }>;
    conditions: Array<{ conditionId: string; passed: boolean | null }>;
  };
  for (const i of sheet.items.filter((x) => x.applies && x.required && !x.conditionUnknown && !x.passed && !except.includes(x.slotId))) {
    const body = { slotId: i.slotId, present: true, legible: true, valid: true, consistent: true, ...(i.qualifiedInstitutionRequired ? { qualifiedInstitution: true } : {}) };
    expect((await http(api, 'PUT', `/preliminary-review/applications/${applicationId}/materials`, { token, body })).status).toBe(200);
  }
  for (const c of sheet.conditions.filter((x) => !x.passed && !except.includes(x.conditionId))) {
    const body = { conditionId: c.conditionId, verdict: 'MET' };
    expect((await http(api, 'PUT', `/preliminary-review/applications/${applicationId}/conditions`, { token, body })).status).toBe(200);
  }
}
