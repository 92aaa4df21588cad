import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { tracingEnabled } from '@firstset/messaging';
import { createLogger } from './logger';
import { httpTracing, startTracing } from './tracing';

/** A logger whose lines land in an array. */
function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('svc', 'info', { write: (l: string) => void lines.push(JSON.parse(l)) });
  return { lines, logger };
}

describe('tracing', () => {
  it('is off without OTEL_EXPORTER_OTLP_ENDPOINT: nothing registered, no span', () => {
    expect(startTracing('svc', { env: {} })).toBeUndefined();
    expect(tracingEnabled()).toBe(false);
    const span = trace.getTracer('t').startSpan('x');
    expect(span.isRecording()).toBe(false);
    span.end();
    const { lines, logger } = capturedLogger();
    logger.info('no trace');
    expect(lines[0]).not.toHaveProperty('traceId');
  });

  it('names the trace and span in every log line written inside a span', async () => {
    const tracing = startTracing('svc', { exporter: new InMemorySpanExporter() })!;
    try {
      const { lines, logger } = capturedLogger();
      const tracer = trace.getTracer('t');
      const ids = tracer.startActiveSpan('work', (span) => {
        logger.info('inside');
        span.end();
        return span.spanContext();
      });
      logger.info('outside');
      expect(lines[0]).toMatchObject({ msg: 'inside', traceId: ids.traceId, spanId: ids.spanId });
      expect(lines[1]).not.toHaveProperty('traceId');
    } finally {
      await tracing.shutdown();
    }
  });

  it('continues the browser traceparent in the gateway span, and ignores a malformed one', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = startTracing('gateway', { exporter })!;
    const seen: string[] = [];
    const server = createServer((req, res) =>
      httpTracing(req, res, () => {
        seen.push(trace.getActiveSpan()?.spanContext().traceId ?? 'none');
        res.end('ok');
      }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/x`;
    try {
      expect(tracingEnabled()).toBe(true);
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      await (await fetch(url, { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } })).text();
      await (await fetch(url, { headers: { traceparent: `00-${traceId}-zz-01`, tracestate: 'k=' + 'v'.repeat(600) } })).text();
      await (await fetch(url)).text();
      expect(seen[0]).toBe(traceId);
      expect(seen[1]).toMatch(/^[0-9a-f]{32}$/);
      expect(seen[1]).not.toBe(traceId);
      const spans = exporter.getFinishedSpans();
      expect(spans).toHaveLength(3);
      expect(spans[0].parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
      expect(spans[0].attributes['http.response.status_code']).toBe(200);
      expect(spans[0].resource.attributes['service.name']).toBe('gateway');
    } finally {
      server.close();
      await tracing.shutdown();
    }
    expect(tracingEnabled()).toBe(false);
  });
});
