import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateActorKeys } from '@firstset/messaging';
import { ConfigError } from '@firstset/service-kit';
import { loadGatewayConfig } from './config';

const keys = generateActorKeys();
const base = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/postgres', LOG_LEVEL: 'silent', ACTOR_SIGNING_KEY: keys.signingKey };

describe('gateway configuration: the token key', () => {
  it('has no default: the gateway refuses to start without TOKEN_SECRET', () => {
    expect(() => loadGatewayConfig(base)).toThrow(ConfigError);
    expect(() => loadGatewayConfig(base)).toThrow(/TOKEN_SECRET is required/);
  });

  it('refuses a key shorter than 32 characters', () => {
    expect(() => loadGatewayConfig({ ...base, TOKEN_SECRET: 'x'.repeat(31) })).toThrow(/at least 32/);
  });

  it('refuses the key once published in the repository, in every environment', () => {
    for (const NODE_ENV of ['production', 'development', 'test']) {
      expect(() =>
        loadGatewayConfig({ ...base, NODE_ENV, TOKEN_SECRET: 'dev-only-secret-change-me-0123456789abcdef' }),
      ).toThrow(/published in the repository/);
    }
  });

  it('takes a private key of 32 characters or more', () => {
    const key = 'k'.repeat(16) + 'e'.repeat(16);
    expect(loadGatewayConfig({ ...base, TOKEN_SECRET: key }).tokenSecret).toBe(key);
  });
});

describe('gateway configuration: the actor signing key (ADR 0015)', () => {
  const withToken = { ...base, TOKEN_SECRET: 'k'.repeat(32) };

  it('has no default: the gateway refuses to start without ACTOR_SIGNING_KEY', () => {
    const { ACTOR_SIGNING_KEY: _none, ...without } = withToken;
    expect(() => loadGatewayConfig(without)).toThrow(/ACTOR_SIGNING_KEY is required/);
  });

  it('refuses what is not an Ed25519 private key, the public half included', () => {
    expect(() => loadGatewayConfig({ ...withToken, ACTOR_SIGNING_KEY: 'not-a-key' })).toThrow(/Ed25519 private key/);
    expect(() => loadGatewayConfig({ ...withToken, ACTOR_SIGNING_KEY: keys.verifyKey })).toThrow(/Ed25519 private key/);
  });

  it('takes a generated key', () => {
    expect(loadGatewayConfig(withToken).actorSigningKey).toBe(keys.signingKey);
  });
});

describe('gateway configuration: secrets mounted as files (ADR 0035)', () => {
  it('reads the token key, the actor signing key and the database URL from their _FILE variables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gateway-secrets-'));
    try {
      const file = (name: string, content: string) => (writeFileSync(join(dir, name), content), join(dir, name));
      const token = 't'.repeat(40);
      const cfg = loadGatewayConfig({
        LOG_LEVEL: 'silent',
        DATABASE_URL_FILE: file('db', 'postgresql://firstset_gateway:pw@postgres:5432/firstset\n'),
        TOKEN_SECRET_FILE: file('token', `${token}\n`),
        ACTOR_SIGNING_KEY_FILE: file('actor', `${keys.signingKey}\n`),
      });
      expect(cfg.tokenSecret).toBe(token);
      expect(cfg.databaseUrl).toBe('postgresql://firstset_gateway:pw@postgres:5432/firstset');
      expect(cfg.actorSigningKey).toBe(keys.signingKey);
      expect(() => loadGatewayConfig({ ...base, TOKEN_SECRET: token, TOKEN_SECRET_FILE: file('t2', token) })).toThrow(/both set/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
