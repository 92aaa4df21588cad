import type { PolicyProfile } from '@firstset/domain';
import { EVENT_STREAMS } from '@firstset/contracts';
import { ActorVerifier, limitsOf, parseDuration, streamOverridesFromEnv, type StreamOverrides } from '@firstset/messaging';
import { DEFAULT_RETENTION, type RetentionWindows } from './housekeeping';
import { MIN_AUDIT_RETENTION_MONTHS } from './audit-retention';
import { FileSecretError, withFileSecrets } from './file-secrets';

/**
 * Environment → typed configuration, read once at boot. The only reader of process.env in a
 * service; a bad value stops the boot with a message that names the variable.
 */
export interface ServiceConfig {
  serviceName: string;
  databaseUrl: string;
  dbSchema: string;
  /** One server, or a cluster's seed servers separated by commas. */
  natsUrl: string;
  /** Replicas, age, size and storage per stream (JETSTREAM_REPLICAS, JETSTREAM_STREAMS; ADR 0036). */
  streamOverrides: StreamOverrides;
  /**
   * How long published outbox rows, inbox rows and idempotency records are kept, and how often they
   * are pruned (OUTBOX_RETENTION, INBOX_RETENTION, IDEMPOTENCY_RETENTION, HOUSEKEEPING_INTERVAL).
   */
  retention: RetentionWindows;
  /**
   * This process's NATS user and password (NATS_USER, NATS_PASSWORD; ADR 0013): both or neither.
   * Empty when the server has no authorization (the machine's own NATS in development).
   */
  natsUser: string;
  natsPassword: string;
  /** Prefix of every subject and stream name; empty in production, unique per test run. */
  natsNamespace: string;
  /** Port of the service's liveness/readiness HTTP endpoints (0 = pick a free port). */
  healthPort: number;
  logLevel: string;
  /** Test-only: lets `ops.clock.set` move this service's clock. Never set in production. */
  clockControl: boolean;
  /**
   * The gateway's public actor key (base64 SPKI DER, env ACTOR_VERIFY_KEY): a command or query not
   * signed with its private half is refused (ADR 0015). Required of every service (no service runs
   * trusting the bus); the gateway signs instead.
   */
  actorVerifyKey: string | undefined;
  /**
   * The policy profiles this deployment knows (M15); the domain's built-in ones when absent. Set
   * by code, not by the environment: a profile is reviewed data (ADR 0012).
   */
  policyProfiles?: readonly PolicyProfile[];
  /**
   * Months audit records are kept at least (AUDIT_RETENTION_MONTHS, ADR 0028): never below six, and
   * a floor, not a purge: nothing deletes an audit record (a trigger refuses it).
   */
  auditRetentionMonths: number;
}

export class ConfigError extends Error {}

/** The `natsAuth` option of the messaging module: the credentials when configured. */
export const natsAuthOf = (cfg: Pick<ServiceConfig, 'natsUser' | 'natsPassword'>) =>
  cfg.natsUser ? { user: cfg.natsUser, pass: cfg.natsPassword } : undefined;

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;
const NAMESPACE = /^[a-z0-9_-]{0,32}$/;

export function loadServiceConfig(
  serviceName: string,
  defaults: { healthPort: number },
  rawEnv: NodeJS.ProcessEnv = process.env,
): ServiceConfig {
  // Secrets mounted as files (DATABASE_URL_FILE, NATS_PASSWORD_FILE, …; ADR 0035).
  let env: NodeJS.ProcessEnv;
  try {
    env = withFileSecrets(rawEnv);
  } catch (e) {
    if (e instanceof FileSecretError) throw new ConfigError(e.message);
    throw e;
  }
  const str = (key: string, fallback: string) => (env[key] ?? '').trim() || fallback;
  const dbSchemaDefault = `${env.DB_SCHEMA_PREFIX ?? ''}${serviceName.replace(/-/g, '_')}`;
  const cfg: ServiceConfig = {
    serviceName,
    databaseUrl: str('DATABASE_URL', 'postgresql://postgres@127.0.0.1:5432/postgres'),
    dbSchema: str('DB_SCHEMA', dbSchemaDefault),
    natsUrl: str('NATS_URL', 'nats://127.0.0.1:4222'),
    streamOverrides: {},
    retention: DEFAULT_RETENTION,
    natsUser: str('NATS_USER', ''),
    natsPassword: env.NATS_PASSWORD ?? '',
    natsNamespace: str('NATS_NAMESPACE', ''),
    healthPort: Number(str('HEALTH_PORT', String(defaults.healthPort))),
    logLevel: str('LOG_LEVEL', 'info'),
    clockControl: str('CLOCK_CONTROL', '0') === '1',
    actorVerifyKey: str('ACTOR_VERIFY_KEY', '') || undefined,
    auditRetentionMonths: Number(str('AUDIT_RETENTION_MONTHS', String(MIN_AUDIT_RETENTION_MONTHS))),
  };
  if (!/^postgres(ql)?:\/\//.test(cfg.databaseUrl)) throw new ConfigError('DATABASE_URL must be a postgresql:// URL');
  if (!SCHEMA.test(cfg.dbSchema)) throw new ConfigError(`DB_SCHEMA "${cfg.dbSchema}" is not a lower-case identifier`);
  if (!cfg.natsUrl.split(',').every((u) => /^nats:\/\/\S+$/.test(u.trim()))) {
    throw new ConfigError('NATS_URL must be a nats:// URL, or several separated by commas');
  }
  try {
    cfg.streamOverrides = streamOverridesFromEnv(env, Object.keys(EVENT_STREAMS));
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  cfg.retention = retentionOf(env, cfg.streamOverrides);
  if (!cfg.natsUser !== !cfg.natsPassword) throw new ConfigError('NATS_USER and NATS_PASSWORD go together: set both or neither');
  if (!NAMESPACE.test(cfg.natsNamespace)) throw new ConfigError('NATS_NAMESPACE must be [a-z0-9_-]{0,32}');
  if (!Number.isInteger(cfg.healthPort) || cfg.healthPort < 0 || cfg.healthPort > 65535) {
    throw new ConfigError('HEALTH_PORT must be a port number');
  }
  if (!Number.isInteger(cfg.auditRetentionMonths) || cfg.auditRetentionMonths < MIN_AUDIT_RETENTION_MONTHS) {
    throw new ConfigError(`AUDIT_RETENTION_MONTHS must be a whole number of months, at least ${MIN_AUDIT_RETENTION_MONTHS}`);
  }
  if (cfg.actorVerifyKey) {
    try {
      new ActorVerifier(cfg.actorVerifyKey, serviceName);
    } catch {
      throw new ConfigError('ACTOR_VERIFY_KEY must be an Ed25519 public key, base64 of its SPKI DER');
    }
  }
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(cfg.logLevel)) {
    throw new ConfigError('LOG_LEVEL must be a pino level');
  }
  return cfg;
}

const RETENTION_ENV = {
  outboxMs: 'OUTBOX_RETENTION',
  inboxMs: 'INBOX_RETENTION',
  idempotencyMs: 'IDEMPOTENCY_RETENTION',
  intervalMs: 'HOUSEKEEPING_INTERVAL',
} as const;

/**
 * The housekeeping windows (ADR 0036). An inbox row must outlive every message of every event
 * stream, or a redelivered or replayed event would be applied twice: the window is checked
 * against the streams' configured age (0, keep for ever, always passes).
 */
function retentionOf(env: NodeJS.ProcessEnv, overrides: StreamOverrides): RetentionWindows {
  const r = { ...DEFAULT_RETENTION };
  for (const [key, name] of Object.entries(RETENTION_ENV) as Array<[keyof RetentionWindows, string]>) {
    const text = (env[name] ?? '').trim();
    if (!text) continue;
    try {
      r[key] = parseDuration(text);
    } catch (err) {
      throw new ConfigError(`${name}: ${(err as Error).message}`);
    }
  }
  if (r.intervalMs < 60_000) throw new ConfigError('HOUSEKEEPING_INTERVAL must be at least 1m');
  if (r.inboxMs > 0) {
    for (const stream of Object.keys(EVENT_STREAMS)) {
      const { maxAgeMs } = limitsOf(stream, undefined, overrides);
      if (maxAgeMs === 0 || maxAgeMs >= r.inboxMs) {
        throw new ConfigError(
          `INBOX_RETENTION must be longer than ${stream} keeps its messages (${maxAgeMs === 0 ? 'for ever' : `${maxAgeMs / 86_400_000} days`}): ` +
            'otherwise a redelivered event would be applied twice (set INBOX_RETENTION=0 to keep inbox rows for ever)',
        );
      }
    }
  }
  return r;
}
