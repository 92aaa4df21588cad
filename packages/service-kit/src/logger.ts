import pino, { Logger as PinoLogger } from 'pino';
import { LoggerService } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { tracingEnabled } from '@firstset/messaging';
import { redactText } from './redact';
import { requestContext } from './request-context';

/**
 * Personal data never goes to the logs: these paths are masked wherever they appear, and every
 * finished line is scanned for phone numbers, ID numbers and e-mail addresses (./redact.ts).
 */
const REDACT = [
  'password',
  '*.password',
  'token',
  '*.token',
  'authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.phone',
  '*.idNumber',
];

export function createLogger(service: string, level: string, destination?: pino.DestinationStream): PinoLogger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    redact: { paths: REDACT, censor: '[redacted]' },
    mixin: () => {
      const ctx = requestContext.getStore();
      const fields: Record<string, string> = ctx ? { requestId: ctx.requestId } : {};
      // With tracing on, a line names its trace and span, so an operator goes from a log line to
      // its trace (ADR 0037); with it off, nothing is looked up.
      const span = tracingEnabled() ? trace.getActiveSpan()?.spanContext() : undefined;
      if (span) {
        fields.traceId = span.traceId;
        fields.spanId = span.spanId;
      }
      return fields;
    },
    hooks: { streamWrite: redactText },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's LoggerService over pino, so framework and messaging logs share format and request id. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: PinoLogger) {}

  private write(level: 'info' | 'warn' | 'error' | 'debug' | 'trace', message: unknown, rest: unknown[]) {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const err = rest.find((r) => r instanceof Error) ?? (typeof rest[0] === 'string' && level === 'error' ? { stack: rest[0] } : undefined);
    if (message instanceof Error) this.logger[level]({ context, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context, ...(err ? { err } : {}) }, String(message));
  }

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
}
