import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Histogram } from 'prom-client';
import { metricsRegistry, registeredOnce } from '@firstset/messaging';

/**
 * Metrics of the HTTP edge (ADR 0037), in the same registry as the bus's (`@firstset/messaging`),
 * served at `/metrics` on the health port, which is never the public one.
 */
export const uploadBytes = registeredOnce('gateway_upload_bytes_total', () =>
  new Counter({
    name: 'gateway_upload_bytes_total',
    help: 'Bytes of files checked and stored by the gateway, per detected media type.',
    labelNames: ['kind'] as const,
  }),
);

export const uploadsRefused = registeredOnce('gateway_uploads_refused_total', () =>
  new Counter({
    name: 'gateway_uploads_refused_total',
    help: 'Uploads refused after receipt (wrong type, refused content, malware found, storage failure), per stable error code.',
    labelNames: ['reason'] as const,
  }),
);

export const httpRequestDuration = registeredOnce('gateway_http_request_duration_seconds', () =>
  new Histogram({
    name: 'gateway_http_request_duration_seconds',
    help: 'Time the gateway took to answer an HTTP request, per method, route pattern and status class.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
);

export { metricsRegistry };

/**
 * Express/Connect middleware timing every request by its route pattern (`/api/applications/:id`);
 * a path that matched no route counts as `unmatched`, so probes and typos cannot mint label values.
 */
export function httpMetrics(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const started = performance.now();
  res.once('finish', () => {
    const r = req as IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };
    const route = typeof r.route?.path === 'string' ? `${r.baseUrl ?? ''}${r.route.path}` : 'unmatched';
    httpRequestDuration.observe(
      { method: req.method ?? 'GET', route, status: `${Math.floor(res.statusCode / 100)}xx` },
      (performance.now() - started) / 1000,
    );
  });
  next();
}
