import { Namespace } from './namespace';
import {
  assertSchemaName,
  messagingTables,
  type MessagingTables,
  type SqlExecutor,
  type TransactionRunner,
} from './sql';
import type { StreamConfigSpec } from './streams';
import type { StreamOverrides } from './stream-limits';

export interface RelaySettings {
  /** Poll interval when idle, ms (default 250). */
  intervalMs: number;
  /** Rows claimed per transaction (default 100). */
  batchSize: number;
  /** Wait for each JetStream PubAck, ms (default 2000). */
  publishTimeoutMs: number;
  /** Upper bound of the backoff after a failed publish, ms (default 30000). */
  maxBackoffMs: number;
  /** Start the relay with the module (default true when a transaction runner is given). */
  enabled: boolean;
}

export interface ConsumerSettings {
  /** Deliveries before a failing event is dead-lettered (default 5). */
  maxDeliver: number;
  /** JetStream ack wait, ms (default 30000): an unacked message is redelivered after it. */
  ackWaitMs: number;
  /** First nak delay, ms, doubled per delivery up to `maxRetryDelayMs` (default 1000). */
  retryDelayMs: number;
  maxRetryDelayMs: number;
  /** Messages pulled per request, and the most handled in one transaction (default 50). */
  batchSize: number;
}

export interface MessagingModuleOptions<Tx extends SqlExecutor = SqlExecutor> {
  /** Queue group for RPC handlers, DLQ subject segment, log context. */
  serviceName: string;
  natsUrl: string | string[];
  /**
   * The service's NATS user and password (ADR 0013). Without it the connection is anonymous; a
   * server without authorization accepts credentials too, so passing them is always safe.
   */
  natsAuth?: NatsAuth;
  /** Prefix for subjects and stream names; tests only. */
  namespace?: string;
  /** The service's PostgreSQL schema holding outbox_events and inbox_events. */
  dbSchema?: string;
  /** Streams this service owns (it publishes their events). */
  streams?: StreamConfigSpec[];
  /** Replicas, age, size and storage per stream, from configuration (`streamOverridesFromEnv`). */
  streamOverrides?: StreamOverrides;
  /** The service's transaction runner; required for the relay and event consumers. */
  transactionRunner?: TransactionRunner<Tx>;
  relay?: Partial<RelaySettings>;
  consumers?: Partial<ConsumerSettings>;
  /** Default RPC timeout, ms (default 5000). */
  rpcTimeoutMs?: number;
  /** Services: the gateway's public actor key (base64 SPKI DER); every request must be signed with it. */
  actorVerifyKey?: string;
  /** The gateway (and tests): the private actor key that signs requests (base64 PKCS#8 DER). */
  actorSigningKey?: string;
}

export interface NatsAuth {
  user: string;
  pass: string;
}

/** Options after defaults and checks; what the providers receive. */
export interface MessagingConfig<Tx extends SqlExecutor = SqlExecutor> {
  serviceName: string;
  natsUrl: string[];
  natsAuth: NatsAuth | undefined;
  ns: Namespace;
  dbSchema: string | undefined;
  tables: MessagingTables | undefined;
  streams: StreamConfigSpec[];
  streamOverrides: StreamOverrides;
  transactionRunner: TransactionRunner<Tx> | undefined;
  relay: RelaySettings;
  consumers: ConsumerSettings;
  rpcTimeoutMs: number;
  actorVerifyKey: string | undefined;
  actorSigningKey: string | undefined;
}

const SERVICE_NAME = /^[a-z][a-z0-9-]{0,62}$/;

export function resolveMessagingConfig<Tx extends SqlExecutor>(
  options: MessagingModuleOptions<Tx>,
): MessagingConfig<Tx> {
  if (!SERVICE_NAME.test(options.serviceName)) {
    throw new Error(`serviceName "${options.serviceName}" must match ${SERVICE_NAME}`);
  }
  // A cluster's seed servers may come as one comma-separated value (NATS_URL=nats://a:4222,nats://b:4222).
  const natsUrl = (Array.isArray(options.natsUrl) ? options.natsUrl : [options.natsUrl]).flatMap((u) =>
    (u ?? '').split(',').map((part) => part.trim()),
  );
  if (natsUrl.length === 0 || natsUrl.some((u) => !u)) throw new Error('natsUrl is required');
  if (options.natsAuth && (!options.natsAuth.user || !options.natsAuth.pass)) {
    throw new Error('natsAuth needs both a user and a password');
  }
  const dbSchema = options.dbSchema === undefined ? undefined : assertSchemaName(options.dbSchema);
  if (options.transactionRunner && !dbSchema) {
    throw new Error('dbSchema is required when a transactionRunner is given');
  }
  const relay: RelaySettings = {
    intervalMs: 250,
    batchSize: 100,
    publishTimeoutMs: 2000,
    maxBackoffMs: 30_000,
    enabled: options.transactionRunner !== undefined,
    ...options.relay,
  };
  const consumers: ConsumerSettings = {
    maxDeliver: 5,
    ackWaitMs: 30_000,
    retryDelayMs: 1000,
    maxRetryDelayMs: 60_000,
    batchSize: 50,
    ...options.consumers,
  };
  positiveInt('relay.batchSize', relay.batchSize);
  positiveInt('consumers.maxDeliver', consumers.maxDeliver);
  positiveInt('consumers.batchSize', consumers.batchSize);
  return {
    serviceName: options.serviceName,
    natsUrl,
    natsAuth: options.natsAuth,
    ns: new Namespace(options.namespace),
    dbSchema,
    tables: dbSchema ? messagingTables(dbSchema) : undefined,
    streams: options.streams ?? [],
    streamOverrides: options.streamOverrides ?? {},
    transactionRunner: options.transactionRunner,
    relay,
    consumers,
    rpcTimeoutMs: options.rpcTimeoutMs ?? 5000,
    actorVerifyKey: options.actorVerifyKey,
    actorSigningKey: options.actorSigningKey,
  };
}

function positiveInt(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer, got ${v}`);
}

/** Injection tokens. */
export const MESSAGING_CONFIG = Symbol('MESSAGING_CONFIG');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
