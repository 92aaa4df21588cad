import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadServiceConfig } from './config';
import { FileSecretError, withFileSecrets } from './file-secrets';

let dir: string;
const secret = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content, { mode: 0o600 });
  return path;
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('secrets mounted as files (ADR 0035)', () => {
  it('reads DATABASE_URL_FILE and NATS_PASSWORD_FILE into the service config, dropping one trailing newline', () => {
    const cfg = loadServiceConfig(
      'intake',
      { healthPort: 1 },
      {
        DATABASE_URL_FILE: secret('db', 'postgresql://firstset_intake:s3cret@db:5432/firstset\n'),
        NATS_USER: 'intake',
        NATS_PASSWORD_FILE: secret('nats', 'p0a1 \n'),
      },
    );
    expect(cfg.databaseUrl).toBe('postgresql://firstset_intake:s3cret@db:5432/firstset');
    // Only the newline a file ends with goes: a space is part of a password.
    expect(cfg.natsPassword).toBe('p0a1 ');
  });

  it('leaves data paths ending in _FILE alone and does not touch the environment it was given', () => {
    const env = {
      AUDIT_CHECKPOINT_FILE: '/data/audit/checkpoints.jsonl',
      TOKEN_SECRET_FILE: secret('t', 'x'.repeat(40)),
    };
    const out = withFileSecrets(env);
    expect(out).toEqual({
      AUDIT_CHECKPOINT_FILE: '/data/audit/checkpoints.jsonl',
      TOKEN_SECRET: 'x'.repeat(40),
    });
    expect(env.TOKEN_SECRET_FILE).toBeDefined();
    expect(withFileSecrets(out)).toEqual(out);
  });

  it('refuses both a value and a file, a missing or unreadable file, and an empty one, naming the variable', () => {
    expect(() =>
      withFileSecrets({ DATABASE_URL: 'postgresql://a', DATABASE_URL_FILE: secret('db', 'postgresql://b') }),
    ).toThrow(/DATABASE_URL and DATABASE_URL_FILE are both set/);
    expect(() => withFileSecrets({ NATS_PASSWORD_FILE: join(dir, 'absent') })).toThrow(
      /NATS_PASSWORD_FILE: cannot read .*ENOENT/,
    );
    expect(() => withFileSecrets({ NATS_PASSWORD_FILE: secret('empty', '\n') })).toThrow(
      /NATS_PASSWORD_FILE: .* is empty/,
    );
    if (process.getuid?.() !== 0) {
      const locked = secret('locked', 'x');
      chmodSync(locked, 0o000);
      expect(() => withFileSecrets({ ACTOR_VERIFY_KEY_FILE: locked })).toThrow(/EACCES/);
    }
    expect(() => withFileSecrets({ TOKEN_SECRET_FILE: dir })).toThrow(FileSecretError);
    expect(() =>
      loadServiceConfig('intake', { healthPort: 1 }, { DATABASE_URL_FILE: join(dir, 'absent') }),
    ).toThrow(ConfigError);
  });

  it('validates a value read from a file like one set directly', () => {
    expect(() =>
      loadServiceConfig('intake', { healthPort: 1 }, { DATABASE_URL_FILE: secret('db', 'mysql://x') }),
    ).toThrow(/DATABASE_URL must be/);
  });
});
