import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';
import { setTracing, tracingEnabled } from '@firstset/messaging';

export interface Tracing {
  /** Exports the spans still buffered and unregisters the SDK. */
  shutdown(): Promise<void>;
}

let active: TracerProvider | undefined;

/** Exports the spans still buffered (at shutdown: SIGTERM must not lose the last requests' spans). */
export async function flushTracing(): Promise<void> {
  await active?.forceFlush().catch(() => undefined);
}

/**
 * Turns OpenTelemetry tracing on for this process (ADR 0037) when OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set, exporting over OTLP/HTTP in batches; otherwise does
 * nothing and returns undefined, so an unconfigured service pays nothing on its hot paths. Tests
 * pass their own exporter (the SDK's InMemorySpanExporter), exported span by span.
 */
export function startTracing(
  serviceName: string,
  options: { env?: NodeJS.ProcessEnv; exporter?: SpanExporter } = {},
): Tracing | undefined {
  const env = options.env ?? process.env;
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!options.exporter && !endpoint) return undefined;
  if (tracingEnabled()) throw new Error('tracing is already started in this process');
  const processor = options.exporter
    ? new SimpleSpanProcessor({ exporter: options.exporter })
    : new BatchSpanProcessor({ exporter: new OTLPTraceExporter() });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || serviceName }),
    spanProcessors: [processor],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  setTracing(true);
  active = provider;
  return {
    async shutdown() {
      setTracing(false);
      active = undefined;
      await provider.shutdown();
      contextManager.disable();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/**
 * Express/Connect middleware for the gateway: a server span per HTTP request, continuing the
 * browser's `traceparent` when it sends a well-formed one (the propagator drops anything else), and
 * the rest of the request (its NATS calls) runs inside it. The span is named by method and route
 * pattern, never by the raw path, which can hold ids.
 */
export function httpTracing(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (!tracingEnabled()) return next();
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span: Span = trace.getTracer('@firstset/gateway').startSpan(
    `HTTP ${req.method ?? 'GET'}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? 'GET' } },
    parent,
  );
  res.once('finish', () => {
    const route = (req as IncomingMessage & { route?: { path?: string } }).route?.path;
    if (route) span.updateName(`HTTP ${req.method ?? 'GET'} ${route}`);
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), next);
}
