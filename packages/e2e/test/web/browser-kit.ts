import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { http, REPO_ROOT } from '@firstset/testing';

/** What the browser journeys share: Debian's Chromium, sign-in, screenshots, the no-English check. */

export const DEMO = JSON.parse(readFileSync(join(REPO_ROOT, 'scripts', 'demo-data.json'), 'utf8'));
export const SHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const WEB_DIST = join(REPO_ROOT, 'apps', 'web', 'dist', 'index.html');

const pad = (n: number) => String(n).padStart(2, '0');
/** A local date as YYYY-MM-DD. */
export const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
export const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);

/** Headless, with a fresh temporary profile that playwright makes and removes itself. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(WEB_DIST)) throw new Error('apps/web is not built: run `npx turbo run build --filter=@firstset/web`');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/** A Content-Security-Policy violation a page reported (issue 14: the web app satisfies its policy). */
export interface CspViolation {
  directive: string;
  blocked: string;
  source: string;
}

const openRuns = new Set<WebRun>();
// Every journey fails on any CSP violation of its pages, whether or not it looks for one: checked
// after each test of every file that uses the kit.
afterEach(() => {
  const seen = [...openRuns].flatMap((r) => r.cspViolations.splice(0));
  expect(seen).toEqual([]);
});

/**
 * One journey's browser pages, its timings and its screenshots. `allowed` lists what may appear in
 * Latin letters on a zh-CN page: data the test typed, codes, file format names.
 */
export class WebRun {
  readonly pages: Page[] = [];
  readonly timings: string[] = [];
  /** CSP violations reported by the pages since the last check (securitypolicyviolation events and console reports). */
  readonly cspViolations: CspViolation[] = [];
  t0 = Date.now();

  constructor(
    private readonly browser: Browser,
    readonly origin: string,
    private readonly allowed: Array<string | RegExp>,
    private readonly options: { fullPageShots?: boolean } = {},
  ) {
    openRuns.add(this);
  }

  mark(what: string): void {
    this.timings.push(`${((Date.now() - this.t0) / 1000).toFixed(1)}s ${what}`);
  }

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
    // Generous on purpose: a step that waits is a failure only when the page never gets there, and a
    // loaded 2-core machine has taken over 10 s for steps that take 1 s on a quiet one.
    page.setDefaultTimeout(30_000);
    this.pages.push(page);
    return page;
  }

  async signIn(page: Page, username: string): Promise<void> {
    await page.goto(`${this.origin}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO.password);
    await page.getByRole('button', { name: '登 录' }).or(page.getByRole('button', { name: '登录' })).first().click();
    await page.getByText('工作台首页').waitFor();
  }

  async shot(page: Page, name: string): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    await page.waitForTimeout(300); // let antd's animations settle
    this.mark(name);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: this.options.fullPageShots ?? false });
  }

  /** On failure, what each open page showed. */
  async shotOpenPages(prefix: string): Promise<void> {
    for (const [i, page] of this.pages.entries()) if (!page.isClosed()) await this.shot(page, `${prefix}${i}`).catch(() => undefined);
  }

  async expectNoEnglish(page: Page): Promise<void> {
    let text = await page.locator('body').innerText();
    for (const a of this.allowed) text = typeof a === 'string' ? text.split(a).join('') : text.replace(a, '');
    expect(text.match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
  }
}

/** An antd date picker (on the page or in a dialog): type the value, press Enter, leave the field. */
export async function pickDate(scope: Page | Locator, label: string, value: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await input.page().keyboard.press('Tab');
}

/** A valid one-page PDF (cross-reference offsets computed), with a line of text when given. */
export function onePagePdf(text?: string): Buffer {
  const content = text === undefined ? undefined : `BT /F1 18 Tf 40 80 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    content === undefined
      ? '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'
      : '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 160] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    ...(content === undefined
      ? []
      : [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']),
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

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
