import { runProbes, startHealthServer } from './health-server';
import { uploadBytes } from './metrics';

describe('health', () => {
  it('reports a failing or hanging probe as down and the whole as error', async () => {
    const report = await runProbes(
      'svc',
      {
        good: async () => undefined,
        bad: async () => {
          throw new Error('refused');
        },
        slow: () => new Promise(() => undefined),
      },
      50,
    );
    expect(report).toEqual({
      status: 'error',
      service: 'svc',
      checks: {
        good: { status: 'up' },
        bad: { status: 'down', error: 'refused' },
        slow: { status: 'down', error: 'no answer within 50 ms' },
      },
    });
  });

  it('serves liveness and readiness over HTTP with 200 / 503', async () => {
    let healthy = true;
    const { server, port } = await startHealthServer('svc', 0, {
      db: async () => {
        if (!healthy) throw new Error('down');
      },
    });
    try {
      const base = `http://127.0.0.1:${port}/health`;
      expect((await fetch(`${base}/live`)).status).toBe(200);
      expect((await fetch(`${base}/ready`)).status).toBe(200);
      healthy = false;
      const res = await fetch(`${base}/ready`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { checks: { db: { status: string } } }).checks.db.status).toBe('down');
      expect((await fetch(`${base}/other`)).status).toBe(404);
    } finally {
      server.close();
    }
  });

  it('serves the Prometheus metrics at /metrics in the text format, moving with what the process counts', async () => {
    const { server, port } = await startHealthServer('svc', 0, {});
    try {
      const scrape = async () => {
        const res = await fetch(`http://127.0.0.1:${port}/metrics`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
        return res.text();
      };
      const bytes = (text: string) => Number(/gateway_upload_bytes_total\{kind="health-spec"\} (\d+)/.exec(text)?.[1] ?? 0);
      const before = bytes(await scrape());
      uploadBytes.inc({ kind: 'health-spec' }, 1234);
      const text = await scrape();
      expect(bytes(text)).toBe(before + 1234);
      expect(text).toContain('# TYPE messaging_rpc_server_duration_seconds histogram');
      expect((await fetch(`http://127.0.0.1:${port}/metrics`, { method: 'POST' })).status).toBe(405);
    } finally {
      server.close();
    }
  });
});
