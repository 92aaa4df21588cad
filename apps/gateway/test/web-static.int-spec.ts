import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { cleanupTestEnv, newTestEnv } from '@firstset/testing';
import { acceptedEncodings } from '../src/http/web-assets';
import { RunningGateway, startGateway } from './gateway-harness';

// ADR 0032: the built web app as a browser gets it: hashed files precompressed and cached for a
// year, index.html revalidated, a missing file a 404. The dist directory is a real one on disk.
const env = newTestEnv();
const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
const parent = join(dist, '..');
const INDEX = '<!doctype html><title>首台（套）</title><div id="root"></div>';
const APP_JS = `console.log(${JSON.stringify('首台（套）'.repeat(200))});`;
const HASHED = '/assets/index-DMXrWd_p.js';
const SECRET = 'not for the web: 3f9c2e';
let gw: RunningGateway;
let origin: string;

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, HASHED), APP_JS);
  writeFileSync(join(dist, `${HASHED}.br`), brotliCompressSync(APP_JS));
  writeFileSync(join(dist, `${HASHED}.gz`), gzipSync(APP_JS));
  // Only a gzip copy: a client that accepts brotli gets gzip rather than nothing.
  writeFileSync(join(dist, 'assets', 'style-B86fU9sa.css'), 'body{margin:0}');
  writeFileSync(join(dist, 'assets', 'style-B86fU9sa.css.gz'), gzipSync('body{margin:0}'));
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // A file beside the dist directory that no path may reach.
  writeFileSync(join(parent, `${dist.split('/').pop()}-beside.txt`), SECRET);
  gw = await startGateway(env, [], { WEB_DIST_DIR: dist });
  origin = gw.baseUrl.replace(/\/api$/, '');
});

afterAll(async () => {
  await gw?.close();
  await cleanupTestEnv(env);
  rmSync(dist, { recursive: true, force: true });
  rmSync(join(parent, `${dist.split('/').pop()}-beside.txt`), { force: true });
});

/** A raw request: fetch() would decompress the body and normalise `..` out of the path. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { hostname, port } = new URL(origin);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the gateway serves the built web app', () => {
  it('serves a hashed file as brotli, else gzip, else as it is, cached for a year', async () => {
    const br = await raw(HASHED, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toContain('Accept-Encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(brotliDecompressSync(br.body).toString()).toBe(APP_JS);

    const gz = await raw(HASHED, { 'accept-encoding': 'gzip, br;q=0' });
    expect([gz.headers['content-encoding'], gunzipSync(gz.body).toString()]).toEqual(['gzip', APP_JS]);

    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': '*;q=0, identity' }] as Array<Record<string, string>>) {
      const plain = await raw(HASHED, headers);
      expect([plain.status, plain.headers['content-encoding'], plain.body.toString()]).toEqual([200, undefined, APP_JS]);
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }

    const css = await raw('/assets/style-B86fU9sa.css', { 'accept-encoding': 'br, gzip' });
    expect([css.headers['content-encoding'], css.headers['content-type']]).toEqual(['gzip', expect.stringContaining('text/css')]);
    expect(gunzipSync(css.body).toString()).toBe('body{margin:0}');
  });

  it('answers HEAD with the headers and no body', async () => {
    const head = await raw(HASHED, { 'accept-encoding': 'br' }, 'HEAD');
    expect([head.status, head.headers['content-encoding'], head.body.length]).toEqual([200, 'br', 0]);
    expect(Number(head.headers['content-length'])).toBe(brotliCompressSync(APP_JS).length);
  });

  it('serves index.html and every file without a hash no-cache, revalidated by ETag', async () => {
    for (const path of ['/', '/enterprise/applications/123', '/login']) {
      const page = await raw(path, { accept: 'text/html' });
      expect([page.status, page.body.toString()]).toEqual([200, INDEX]);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['cache-control']).toBe('no-cache');
      const again = await raw(path, { accept: 'text/html', 'if-none-match': String(page.headers.etag) });
      expect([again.status, again.body.length]).toEqual([304, 0]);
    }
    const svg = await raw('/favicon.svg');
    expect([svg.status, svg.headers['cache-control'], svg.headers['content-type']]).toEqual([200, 'no-cache', expect.stringContaining('image/svg+xml')]);
    // The browser still shows the web app's policy on its pages.
    const page = await raw('/public', { accept: 'text/html' });
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('leaves /api to the API: unknown routes are problem details, the OpenAPI document is JSON', async () => {
    const missing = await fetch(`${origin}/api/no-such-route`, { headers: { Accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const doc = await fetch(`${origin}/api/docs/openapi.json`);
    expect(((await doc.json()) as { openapi: string }).openapi).toMatch(/^3\./);
  });

  it('answers a missing file with 404, never the page, even to a browser that accepts HTML', async () => {
    for (const path of ['/assets/index-Missing0.js', '/assets/missing.js', '/missing.png']) {
      const res = await raw(path, { accept: 'text/html,*/*' });
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.body.toString()).not.toContain('<div id="root">');
    }
  });

  it('reaches nothing outside the dist directory', async () => {
    const name = `${dist.split('/').pop()}-beside.txt`;
    for (const path of [`/../${name}`, `/assets/../../${name}`, `/%2e%2e/${name}`, `/assets/..%2f..%2f${name}`, `/..%5c${name}`, '/assets/%00.js']) {
      const res = await raw(path, { accept: 'text/html' });
      expect(res.body.toString()).not.toContain(SECRET);
      expect([200, 400, 404]).toContain(res.status);
    }
  });

  it('reads Accept-Encoding by its q-values', () => {
    expect(acceptedEncodings('gzip, br')('br')).toBe(true);
    expect(acceptedEncodings('gzip;q=1.0, br;q=0')('br')).toBe(false);
    expect(acceptedEncodings('*')('br')).toBe(true);
    expect(acceptedEncodings('*, gzip;q=0')('gzip')).toBe(false);
    expect(acceptedEncodings(undefined)('gzip')).toBe(false);
    expect(acceptedEncodings('')('br')).toBe(false);
  });
});
