// Benchmark (npm run bench:web): the web app as a browser gets it (issue 21 item 4). Starts a
// throwaway platform (fresh schema prefix and NATS namespace, removed afterwards) whose gateway
// serves apps/web/dist, and loads in Debian's Chromium (a) the public registry page and (b) the
// enterprise workspace, signed in, each cold (a fresh browser context: empty cache) and warm (a
// second tab of the same context: a return visit), BENCH_RUNS times. It reports the medians of
// first contentful paint, largest contentful paint and of the JavaScript transferred (the compressed bytes on the wire, as
// Resource Timing's transferSize counts them: 0 for a file served from the cache, the headers for a
// 304). Needs the platform and the web built (npx turbo run build). Figures go to docs/benchmarks.md.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { throwawayPlatform } from './throwaway-platform.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { chromium } = require(require.resolve('playwright-core', { paths: [join(root, 'apps', 'web')] }));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WEB_DIST = join(root, 'apps', 'web', 'dist');
if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('apps/web/dist is not built: npx turbo run build --filter=@firstset/web');

const platform = await throwawayPlatform({ extraEnv: { WEB_DIST_DIR: WEB_DIST } });
const demo = JSON.parse(readFileSync(join(root, 'scripts', 'demo-data.json'), 'utf8'));
const origin = new URL(platform.base).origin;
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** First contentful paint and the JavaScript the page fetched, once it shows `ready` and the network is quiet. */
async function measure(page, url, ready) {
  await page.goto(url);
  await page.getByText(ready).first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  return page.evaluate(async () => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    // The largest paint so far: the page's own content (the registry, the home's sections), where
    // first contentful paint may be the frame index.html shows while the scripts load.
    const lcp = await new Promise((done) => {
      new PerformanceObserver((list) => done(list.getEntries().at(-1)?.startTime ?? NaN)).observe({ type: 'largest-contentful-paint', buffered: true });
      setTimeout(() => done(NaN), 1000);
    });
    const scripts = performance.getEntriesByType('resource').filter((r) => /\.m?js(\?|$)/.test(new URL(r.name).pathname));
    return {
      fcp,
      lcp,
      transferred: scripts.reduce((s, r) => s + r.transferSize, 0),
      decoded: scripts.reduce((s, r) => s + r.decodedBodySize, 0),
      files: scripts.length,
    };
  });
}

let browser;
try {
  platform.run('migrate-all.mjs');
  platform.run('seed-demo.mjs');
  await platform.up();
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'northsteel', password: demo.password }),
  }).then((r) => r.json());
  if (!login.accessToken) throw new Error(`sign-in failed: ${JSON.stringify(login)}`);
  // The session as the web app keeps it (src/shared/auth/session.tsx), so the workspace opens signed in.
  const session = JSON.stringify({ ...login, expiresAt: Date.now() + login.expiresIn * 1000 });

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  const pages = [
    { name: 'public registry (/public)', url: `${origin}/public`, ready: '已认定产品名录', signedIn: false },
    { name: 'enterprise workspace (/workspace)', url: `${origin}/workspace`, ready: '工作台首页', signedIn: true },
  ];
  const load0 = loadavg()[0];
  const rows = [];
  for (const p of pages) {
    const cold = [];
    const warm = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: 'zh-CN',
        storageState: p.signedIn ? { cookies: [], origins: [{ origin, localStorage: [{ name: 'firstset.session', value: session }] }] } : undefined,
      });
      const first = await context.newPage();
      cold.push(await measure(first, p.url, p.ready));
      await first.close();
      // A return visit: a new tab of the same browser profile, its cache filled by the first.
      const again = await context.newPage();
      warm.push(await measure(again, p.url, p.ready));
      await context.close();
    }
    for (const [visit, xs] of [
      ['cold', cold],
      ['warm', warm],
    ]) {
      rows.push({
        page: p.name,
        visit,
        'FCP median ms': Math.round(median(xs.map((x) => x.fcp))),
        'FCP max ms': Math.round(Math.max(...xs.map((x) => x.fcp))),
        'LCP median ms': Math.round(median(xs.map((x) => x.lcp))),
        'JS transferred kB': (median(xs.map((x) => x.transferred)) / 1000).toFixed(1),
        'JS decoded kB': (median(xs.map((x) => x.decoded)) / 1000).toFixed(1),
        'JS files': median(xs.map((x) => x.files)),
      });
    }
  }
  console.log(`\nThe web in Chromium, ${RUNS} runs per page and visit (load average ${load0.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after):`);
  console.table(rows);
} finally {
  await browser?.close();
  await platform.cleanup();
}
