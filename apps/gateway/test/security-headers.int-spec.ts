import { generateActorKeys } from '@firstset/messaging';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanupTestEnv, newTestEnv } from '@firstset/testing';
import { loadGatewayConfig } from '../src/config';
import { RunningGateway, startGateway } from './gateway-harness';

// Issue 14 item 5: the web app is served under a Content-Security-Policy (no inline script, no
// eval); the API documentation is off unless API_DOCS=public (the default outside production).
const env = newTestEnv();
const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
let gw: RunningGateway;
let origin: string;

beforeAll(async () => {
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>首台（套）</title><div id="root"></div>');
  gw = await startGateway(env, [], { WEB_DIST_DIR: dist, API_DOCS: 'off' });
  origin = gw.baseUrl.replace(/\/api$/, '');
});

afterAll(async () => {
  await gw?.close();
  await cleanupTestEnv(env);
  rmSync(dist, { recursive: true, force: true });
});

describe('security headers and the API documentation', () => {
  it('serves the web app with a CSP that allows no inline script and no eval, and forbids framing', async () => {
    const page = await fetch(`${origin}/login`, { headers: { Accept: 'text/html' } });
    const csp = page.headers.get('content-security-policy') ?? '';
    const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(directive('style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const api = await fetch(`${origin}/api/health/live`);
    expect(api.headers.get('content-security-policy')).toBe(csp);
  });

  it('answers /api/docs with 404 problem details when API_DOCS=off', async () => {
    for (const path of ['/api/docs', '/api/docs/openapi.json']) {
      const res = await fetch(`${origin}${path}`);
      expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 404, expect.stringContaining('application/problem+json')]);
    }
  });

  it('API_DOCS defaults to off in production and public elsewhere; REQUIRE_TOTP_FOR names roles', () => {
    const base = {
      DATABASE_URL: 'postgresql://x@127.0.0.1/x',
      TOKEN_SECRET: 'a-production-secret-of-32-characters-or-more',
      ACTOR_SIGNING_KEY: generateActorKeys().signingKey,
    };
    expect(loadGatewayConfig({ ...base, NODE_ENV: 'production' }).apiDocs).toBe('off');
    expect(loadGatewayConfig({ ...base, NODE_ENV: 'production', API_DOCS: 'public' }).apiDocs).toBe('public');
    expect(loadGatewayConfig(base).apiDocs).toBe('public');
    expect(() => loadGatewayConfig({ ...base, API_DOCS: 'signed-in' })).toThrow(/API_DOCS/);
    expect(loadGatewayConfig({ ...base, REQUIRE_TOTP_FOR: 'department, auditor' }).requireTotpFor).toEqual(['department_officer', 'auditor']);
    expect(() => loadGatewayConfig({ ...base, REQUIRE_TOTP_FOR: 'department,admins' })).toThrow(/admins/);
  });
});
