import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * The built web app (ADR 0032). Vite names every file under /assets after its content hash and the
 * build writes a brotli (.br) and a gzip (.gz) copy beside each (apps/web/vite.config.ts), so:
 * - a hashed file is cached for a year and never revalidated (`immutable`): a new build has new
 *   names, and index.html, which names them, is `no-cache` (revalidated each time by its ETag);
 * - a browser gets the smallest copy it accepts (br, then gzip, then the file), with `Vary:
 *   Accept-Encoding` so that caches keep the copies apart;
 * - a missing file under /assets (or any path with an extension) is a 404, never index.html: a
 *   stale chunk must fail as a chunk, not parse a page as JavaScript; any other GET that accepts
 *   HTML is a client route and gets index.html.
 * Files are looked up per request, so a rebuild of the web app needs no gateway restart.
 */
export function webAssets(distDir: string): RequestHandler {
  const root = resolve(distDir);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/api' || req.path.startsWith('/api/')) return next();
    serve(root, req, res).then((served) => served || next(), next);
  };
}

/** Under /assets, a name ending in Vite's content hash (`index-DMXrWdop.js`): never changes. */
const HASHED = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Precompressed copies, in order of preference. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

async function serve(root: string, req: Request, res: Response): Promise<boolean> {
  const path = decodedPath(req.path);
  if (path === undefined) return false;
  const file = path === '/' ? undefined : resolve(root, `.${path}`);
  // Nothing outside the dist directory, whatever `..` or encoded separators the path holds.
  const inside = file !== undefined && file.startsWith(root + sep) && !path.split('/').includes('..');
  const found = inside ? await fileStats(file) : undefined;
  if (found && file) {
    await send(req, res, file, found, HASHED.test(path) ? IMMUTABLE : 'no-cache');
    return true;
  }
  if (path.startsWith('/assets/') || extname(path) !== '' || !req.accepts('html')) return false;
  // A client route (/enterprise/applications/123): the app's page, which routes in the browser.
  const index = join(root, 'index.html');
  const page = await fileStats(index);
  if (!page) return false;
  await send(req, res, index, page, 'no-cache');
  return true;
}

function decodedPath(path: string): string | undefined {
  try {
    const decoded = decodeURIComponent(path);
    return decoded.includes('\0') || decoded.includes('\\') ? undefined : decoded;
  } catch {
    return undefined;
  }
}

async function fileStats(file: string): Promise<Stats | undefined> {
  const s = await stat(file).catch(() => undefined);
  return s?.isFile() ? s : undefined;
}

/** The file, or its best precompressed copy the client accepts; 304 when its ETag still matches. */
async function send(req: Request, res: Response, file: string, stats: Stats, cacheControl: string): Promise<void> {
  let body = file;
  let size = stats.size;
  let encoding: string | undefined;
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  for (const e of ENCODINGS) {
    if (!accepted(e.name)) continue;
    const copy = await fileStats(file + e.suffix);
    if (copy) {
      [body, size, encoding] = [file + e.suffix, copy.size, e.name];
      break;
    }
  }
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
  res.type(extname(file) || 'html');
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', etag);
  if (fresh(req.headers['if-none-match'], etag)) {
    res.status(304).end();
    return;
  }
  res.status(200);
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', String(size));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // A client that goes away mid-file ends the stream; there is nobody left to answer.
  await pipeline(createReadStream(body), res).catch(() => res.destroy());
}

/**
 * Accept-Encoding (RFC 9110 12.5.3) as a test: an encoding named with q > 0, or covered by `*`
 * with q > 0; no header means the file as it is.
 */
export function acceptedEncodings(header: string | undefined): (encoding: string) => boolean {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    q.set(name, weight ? Number(weight[1]) : 1);
  }
  return (encoding) => (q.get(encoding) ?? q.get('*') ?? 0) > 0;
}

function fresh(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => t.trim() === etag);
}
