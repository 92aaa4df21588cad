import { setTimeout as sleep } from 'node:timers/promises';
import { Logger, type LoggerService } from '@nestjs/common';
import { Pool } from 'pg';
import type { JetStreamManager, StoredMsg } from '@nats-io/jetstream';
import {
  NatsClient,
  resolveMessagingConfig,
  type MessagingConfig,
  type MessagingModuleOptions,
} from '../../src';
import {
  createTestSchema,
  deleteNamespaceStreams,
  dropTestSchema,
  pgTransactionRunner,
  testNamespace,
  type PgExecutor,
} from '../../src/testing';

/**
 * Records what the package logs (instead of printing it), so tests can check that every line is
 * an object carrying `requestId`. Set MESSAGING_TEST_LOG=1 to also print.
 */
export class RecordingLogger implements LoggerService {
  readonly lines: Array<{ level: string; message: unknown; context?: string }> = [];
  private record(level: string, message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    this.lines.push({ level, message, context });
    if (process.env.MESSAGING_TEST_LOG)
      process.stdout.write(`${level} ${context ?? ''} ${JSON.stringify(message)}\n`);
  }
  log(message: unknown, ...rest: unknown[]): void {
    this.record('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.record('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.record('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.record('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.record('verbose', message, rest);
  }
  /** Lines from the package's own loggers that lack a requestId. */
  withoutRequestId(): unknown[] {
    const ours = new Set(['Messaging', 'OutboxRelay', 'EventConsumers', 'RpcServer', 'RpcClient']);
    return this.lines
      .filter((l) => l.context !== undefined && ours.has(l.context))
      .filter((l) => {
        const m = l.message as { requestId?: unknown } | null;
        return !m || typeof m !== 'object' || typeof m.requestId !== 'string' || m.requestId === '';
      });
  }
  find(msg: string): Array<Record<string, unknown>> {
    return this.lines
      .map((l) => l.message as Record<string, unknown>)
      .filter((m) => m && typeof m === 'object' && m.msg === msg);
  }
}

export const logs = new RecordingLogger();
Logger.overrideLogger(logs);

export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
export const PG_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * One test file's world: its own PostgreSQL schema and NATS namespace, and every connection it
 * opened, all removed by `close()`.
 */
export class TestEnv {
  readonly pool = new Pool({ connectionString: PG_URL, max: 10 });
  readonly namespace = testNamespace();
  readonly runner = pgTransactionRunner(this.pool);
  schema!: string;
  private readonly clients: NatsClient[] = [];
  private admin!: NatsClient;

  static async create(): Promise<TestEnv> {
    const env = new TestEnv();
    env.schema = await createTestSchema(env.pool);
    env.admin = await env.connect('test-admin');
    return env;
  }

  get jsm(): JetStreamManager {
    return this.admin.jsm;
  }

  get adminClient(): NatsClient {
    return this.admin;
  }

  config(options: Partial<MessagingModuleOptions<PgExecutor>> = {}): MessagingConfig<PgExecutor> {
    return resolveMessagingConfig<PgExecutor>({
      serviceName: 'intake',
      natsUrl: NATS_URL,
      namespace: this.namespace,
      dbSchema: this.schema,
      transactionRunner: this.runner,
      ...options,
    });
  }

  async connect(serviceName = 'intake'): Promise<NatsClient> {
    const c = await NatsClient.connect(this.config({ serviceName }));
    this.clients.push(c);
    return c;
  }

  table(name: string): string {
    return `"${this.schema}"."${name}"`;
  }

  stream(logical: string): string {
    return `${this.namespace}_${logical}`;
  }

  /** Every message stored in a stream, oldest first. */
  async streamMessages(logical: string): Promise<StoredMsg[]> {
    const name = this.stream(logical);
    const info = await this.jsm.streams.info(name);
    const out: StoredMsg[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await this.jsm.streams.getMessage(name, { seq }).catch(() => null);
      if (m) out.push(m);
    }
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.filter((c) => c !== this.admin).map((c) => c.drain()));
    try {
      await deleteNamespaceStreams(this.jsm, this.namespace);
    } finally {
      await this.admin.drain();
      await dropTestSchema(this.pool, this.schema);
      await this.pool.end();
    }
  }
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export { sleep };
