import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of the web app (issue 14): scripts only from the app's own files (no
 * inline script, no eval), connections only to this origin. Styles allow 'unsafe-inline': antd's
 * CSS-in-JS inserts <style> elements at run time, and the components set style attributes; a
 * nonce would need index.html rendered per request. The browser journeys fail on any violation.
 */
export const WEB_CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  // blob: lets a page read back a file it fetched and holds as a blob (the viewer's copy).
  'connect-src': ["'self'", 'blob:'],
  // Material previews open the gateway's own downloads (and blob: copies of them).
  'frame-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * helmet's headers everywhere; the policy above everywhere but the Swagger UI (/api/docs), which
 * needs inline scripts on its own page only (and is off in production unless API_DOCS=public).
 */
export function securityHeaders(): RequestHandler {
  const withCsp = helmet({ contentSecurityPolicy: { useDefaults: false, directives: WEB_CSP_DIRECTIVES } });
  const docs = helmet({ contentSecurityPolicy: false });
  return (req, res, next) => (req.path === '/api/docs' || req.path.startsWith('/api/docs/') ? docs : withCsp)(req, res, next);
}
