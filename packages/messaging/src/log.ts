import { randomUUID } from 'node:crypto';

/**
 * Every log line of the package is an object with `requestId` (Nest's Logger passes objects on;
 * nestjs-pino merges them into the line). Work not caused by a request (boot, relay polling) gets
 * a `sys-` id per operation so its lines can still be grouped.
 */
export interface LogLine {
  msg: string;
  requestId: string;
  [field: string]: unknown;
}

export function line(requestId: string, msg: string, fields: Record<string, unknown> = {}): LogLine {
  return { msg, requestId, ...fields };
}

export function systemRequestId(): string {
  return `sys-${randomUUID()}`;
}
