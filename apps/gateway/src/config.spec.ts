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
