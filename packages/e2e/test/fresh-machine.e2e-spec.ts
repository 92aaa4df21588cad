import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '@firstset/testing';

/**
 * The README's two commands on a machine where nothing listens (issue 12): scripts/fresh-machine-check.mjs
 * runs `./run up` and `./run down` in a network namespace of its own, where only loopback exists,
 * so the machine's own PostgreSQL and NATS are out of reach and the fallbacks must start.
 * Needs root for `unshare -n` (CI runs as root); a user with passwordless sudo runs it through sudo.
 */
const asRoot = process.getuid?.() === 0;

describe('a fresh machine: ./run up and ./run down with nothing listening', () => {
  it('starts the embedded PostgreSQL and nats-server, serves a signed-in user, refuses the published key, and stops only what it started', () => {
    const inner = `ip link set lo up && exec "${process.execPath}" scripts/fresh-machine-check.mjs`;
    const cmd = asRoot ? ['unshare', ['-n', '--', 'sh', '-c', inner]] : ['sudo', ['-n', 'unshare', '-n', '--', 'sh', '-c', inner]];
    const res = spawnSync(cmd[0] as string, cmd[1] as string[], {
      cwd: REPO_ROOT,
      // The check starts its own platform with a key it generates: none may be inherited.
      env: { ...process.env, TOKEN_SECRET: '', NODE_OPTIONS: '', PATH: `${join(process.execPath, '..')}:${process.env.PATH}` },
      encoding: 'utf8',
      timeout: 15 * 60_000,
    });
    const output = `${res.stdout ?? ''}${res.stderr ?? ''}`;
    if (res.status !== 0) console.log(output);
    expect(res.status).toBe(0);
    expect(output).toMatch(/fresh-machine check: \d+ checks passed/);
  }, 16 * 60_000);
});
