import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanupTestEnv, newTestEnv } from '@firstset/testing';
import { RunningGateway, startGateway } from './gateway-harness';

const env = newTestEnv();
const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
let gw: RunningGateway;
let origin: string;

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>首台（套）</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  gw = await startGateway(env, [], { WEB_DIST_DIR: dist });
  origin = gw.baseUrl.replace(/\/api$/, '');
});

afterAll(async () => {
  await gw?.close();
  await cleanupTestEnv(env);
  rmSync(dist, { recursive: true, force: true });
});

describe('the gateway serves the built web app', () => {
  it('serves its files and index.html for client routes', async () => {
    const asset = await fetch(`${origin}/assets/app.js`);
    expect([asset.status, asset.headers.get('content-type')]).toEqual([200, expect.stringContaining('javascript')]);
    for (const path of ['/', '/enterprise/applications/123', '/login']) {
      const page = await fetch(`${origin}${path}`, { headers: { Accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    }
  });

  it('leaves /api to the API: unknown routes are problem details, the OpenAPI document is JSON', async () => {
    const missing = await fetch(`${origin}/api/no-such-route`, { headers: { Accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const doc = await fetch(`${origin}/api/docs/openapi.json`);
    expect(((await doc.json()) as { openapi: string }).openapi).toMatch(/^3\./);
  });

  it('answers a missing file that is not a page with 404, not the page', async () => {
    const res = await fetch(`${origin}/assets/missing.js`, { headers: { Accept: 'application/javascript' } });
    expect(res.status).toBe(404);
  });
});
