import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type TextMapGetter,
} from '@opentelemetry/api';
import type { MsgHdrs } from '@nats-io/transport-node';

/**
 * W3C trace context (`traceparent`, `tracestate`) across the bus (ADR 0037): RPC requests carry
 * it in NATS headers, outbox rows store it with their headers so the relay publishes it, and
 * consumers continue the trace. Off unless the process turned tracing on (`setTracing(true)`, done
 * by service-kit's `startTracing` when OTEL_EXPORTER_OTLP_ENDPOINT is set): the hot paths then pay
 * one boolean test, no span, no context, no header.
 */
const FLAG = Symbol.for('@firstset/messaging/tracing');
/** On globalThis: a second copy of the package in the process (build and sources) sees the same switch. */
const flag = ((globalThis as { [FLAG]?: { on: boolean } })[FLAG] ??= { on: false });

export function setTracing(on: boolean): void {
  flag.on = on;
}

export function tracingEnabled(): boolean {
  return flag.on;
}

const tracer = () => trace.getTracer('@firstset/messaging');

const hdrsGetter: TextMapGetter<MsgHdrs | undefined> = {
  keys: (h) => (h ? [...h.keys()] : []),
  get: (h, key) => h?.get(key) || undefined,
};

/** The caller's context from a message's headers (a malformed `traceparent` is ignored). */
export function traceContextOf(h: MsgHdrs | undefined): Context {
  return propagation.extract(ROOT_CONTEXT, h, hdrsGetter);
}

/** The context's `traceparent`/`tracestate` as plain header entries (nothing when off). */
export function traceHeaders(ctx: Context = context.active()): Record<string, string> {
  const out: Record<string, string> = {};
  if (flag.on) propagation.inject(ctx, out);
  return out;
}

/** The trace context stored with an outbox row's headers. */
export function traceContextOfRecord(record: Record<string, string>): Context {
  return propagation.extract(ROOT_CONTEXT, record);
}

export function startSpan(name: string, kind: SpanKind, parent: Context, attributes: Record<string, string | number> = {}): Span {
  return tracer().startSpan(name, { kind, attributes }, parent);
}

export function endSpan(span: Span | undefined, error?: unknown): void {
  if (!span) return;
  if (error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  span.end();
}

/** Runs `fn` with `span` as the active span, so what it appends or calls is its child. */
export function withSpan<T>(span: Span | undefined, fn: () => T): T {
  if (!span) return fn();
  return context.with(trace.setSpan(context.active(), span), fn);
}

export { SpanKind };
