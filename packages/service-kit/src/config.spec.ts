import { generateActorKeys } from '@firstset/messaging';
import { loadServiceConfig, natsAuthOf } from './config';

describe('loadServiceConfig', () => {
  it('gives local defaults and the service schema', () => {
    expect(loadServiceConfig('preliminary-review', { healthPort: 3102 }, {})).toMatchObject({
      dbSchema: 'preliminary_review',
      natsUrl: 'nats://127.0.0.1:4222',
      natsNamespace: '',
      natsUser: '',
      natsPassword: '',
      healthPort: 3102,
      clockControl: false,
    });
  });

  it('reads the NATS user and password (ADR 0013), and hands them to messaging as natsAuth', () => {
    const cfg = loadServiceConfig('intake', { healthPort: 1 }, { NATS_USER: 'intake', NATS_PASSWORD: 'p0a1' });
    expect(cfg).toMatchObject({ natsUser: 'intake', natsPassword: 'p0a1' });
    expect(natsAuthOf(cfg)).toEqual({ user: 'intake', pass: 'p0a1' });
    expect(natsAuthOf(loadServiceConfig('intake', { healthPort: 1 }, {}))).toBeUndefined();
  });

  it('takes a cluster as comma-separated seed servers and per-stream replicas, age and size (ADR 0036)', () => {
    const cfg = loadServiceConfig('intake', { healthPort: 1 }, {
      NATS_URL: 'nats://nats-1:4222,nats://nats-2:4222, nats://nats-3:4222',
      JETSTREAM_REPLICAS: '3',
      JETSTREAM_STREAMS: '{"INTAKE_EVENTS":{"maxAge":"120d"},"DLQ":{"maxBytes":"512MiB"}}',
    });
    expect(cfg.natsUrl).toBe('nats://nats-1:4222,nats://nats-2:4222, nats://nats-3:4222');
    expect(cfg.streamOverrides).toEqual({ '*': { replicas: 3 }, INTAKE_EVENTS: { maxAgeMs: 120 * 86_400_000 }, DLQ: { maxBytes: 512 * 1024 ** 2 } });
    expect(loadServiceConfig('intake', { healthPort: 1 }, {}).streamOverrides).toEqual({});
    for (const [env, message] of [
      [{ NATS_URL: 'nats://a:4222,,nats://b:4222' }, /NATS_URL/],
      [{ NATS_URL: 'nats://a:4222,http://b' }, /NATS_URL/],
      [{ JETSTREAM_REPLICAS: '9' }, /JETSTREAM_REPLICAS/],
      [{ JETSTREAM_STREAMS: '{"NO_SUCH_EVENTS":{}}' }, /no stream "NO_SUCH_EVENTS"/],
    ] as const) {
      expect(() => loadServiceConfig('intake', { healthPort: 1 }, env)).toThrow(message);
    }
  });

  it('keeps audit records six months at least unless told longer, and never less (ADR 0028)', () => {
    expect(loadServiceConfig('intake', { healthPort: 1 }, {}).auditRetentionMonths).toBe(6);
    expect(loadServiceConfig('intake', { healthPort: 1 }, { AUDIT_RETENTION_MONTHS: '120' }).auditRetentionMonths).toBe(120);
  });

  it('prefixes the schema for a test run', () => {
    expect(loadServiceConfig('intake', { healthPort: 1 }, { DB_SCHEMA_PREFIX: 't1_' }).dbSchema).toBe('t1_intake');
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ DB_SCHEMA: 'Bad-Name' }, /DB_SCHEMA/],
    [{ NATS_URL: 'http://x' }, /NATS_URL/],
    [{ NATS_NAMESPACE: 'a.b' }, /NATS_NAMESPACE/],
    [{ HEALTH_PORT: '70000' }, /HEALTH_PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ NATS_USER: 'intake' }, /NATS_USER and NATS_PASSWORD/],
    [{ NATS_PASSWORD: 'secret' }, /NATS_USER and NATS_PASSWORD/],
    [{ AUDIT_RETENTION_MONTHS: '5' }, /AUDIT_RETENTION_MONTHS/],
    [{ AUDIT_RETENTION_MONTHS: '6.5' }, /AUDIT_RETENTION_MONTHS/],
    [{ AUDIT_RETENTION_MONTHS: 'forever' }, /AUDIT_RETENTION_MONTHS/],
  ])('refuses to boot on %o, naming the variable', (env, message) => {
    expect(() => loadServiceConfig('intake', { healthPort: 1 }, env)).toThrow(message);
  });

  it('takes the gateway\'s public actor key and refuses anything else (ADR 0015)', () => {
    const { signingKey, verifyKey } = generateActorKeys();
    expect(loadServiceConfig('intake', { healthPort: 1 }, { ACTOR_VERIFY_KEY: verifyKey }).actorVerifyKey).toBe(verifyKey);
    expect(() => loadServiceConfig('intake', { healthPort: 1 }, { ACTOR_VERIFY_KEY: signingKey })).toThrow(/Ed25519 public key/);
    expect(() => loadServiceConfig('intake', { healthPort: 1 }, { ACTOR_VERIFY_KEY: 'x' })).toThrow(/Ed25519 public key/);
  });
});
