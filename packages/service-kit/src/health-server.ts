import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { metricsRegistry } from '@firstset/messaging';

export type Probe = () => Promise<void>;

export interface HealthReport {
  status: 'ok' | 'error';
  service: string;
  checks: Record<string, { status: 'up' | 'down'; error?: string }>;
}

/** Runs every probe with a deadline; a probe that throws or hangs is `down`. */
export async function runProbes(service: string, probes: Record<string, Probe>, timeoutMs = 2000): Promise<HealthReport> {
  const checks: HealthReport['checks'] = {};
  await Promise.all(
    Object.entries(probes).map(async ([name, probe]) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          probe(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        checks[name] = { status: 'up' };
      } catch (err) {
        checks[name] = { status: 'down', error: (err as Error).message };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const status = Object.values(checks).every((c) => c.status === 'up') ? 'ok' : 'error';
  return { status, service, checks };
}

/**
 * Liveness (`/health/live`: the process answers) and readiness (`/health/ready`: PostgreSQL and
 * NATS answer) for orchestrators, and Prometheus metrics (`/metrics`, ADR 0037), on the service's
 * own small HTTP port: an internal port, never published through the ingress (the gateway's public
 * port serves no metrics).
 */
export async function startHealthServer(
  service: string,
  port: number,
  probes: Record<string, Probe>,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return send(405, { status: 'error' });
    if (req.url === '/health/live') return send(200, { status: 'ok', service });
    if (req.url === '/metrics') {
      metricsRegistry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': metricsRegistry.contentType, 'cache-control': 'no-store' });
          res.end(text);
        },
        () => send(500, { status: 'error' }),
      );
      return;
    }
    if (req.url === '/health/ready') {
      void runProbes(service, probes).then((report) => send(report.status === 'ok' ? 200 : 503, report));
      return;
    }
    send(404, { status: 'error' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
