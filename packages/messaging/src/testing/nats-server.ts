import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { NATS_USERS, passwordEnvOf, renderNatsAuthConfig, type RenderOptions } from '../nats-permissions';

/** A nats-server of a test's own, with the generated authorization for its namespace. */
export interface AuthNatsServer {
  url: string;
  /** Every user's generated password, by user name. */
  passwords: Record<string, string>;
  /** What the server logged (permission violations, authorization errors). */
  log(): string;
  stop(): Promise<void>;
}

const NATS_BINARIES = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];

export function natsServerBinary(): string {
  const found = [process.env.NATS_SERVER_BIN, ...NATS_BINARIES].find((p) => p && existsSync(p));
  if (!found) throw new Error('nats-server not found (apt-get install nats-server, or set NATS_SERVER_BIN)');
  return found;
}

/** A TCP port nothing listens on at the moment (for a test's own server or gateway). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited (at once if it had). */
export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(kill);
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port }, () => (s.end(), resolve(true)));
    s.on('error', () => resolve(false));
  });

/**
 * Starts nats-server with JetStream on a free port, its own store directory, and the
 * authorization generated from the permission table for `options.namespace`; every user gets a
 * random password passed through the environment, as in production. With `harnessUser`,
 * connections without credentials (a test's own helpers) get every permission, as on `./run`'s.
 */
export async function startAuthNatsServer(options: Omit<RenderOptions, 'header'> = {}): Promise<AuthNatsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'nats-auth-'));
  const port = await freePort();
  const users = [...Object.keys(NATS_USERS), ...(options.harnessUser ? [options.harnessUser] : [])];
  // Starting with a letter: nats-server reads a variable's value as config, where 123k is a number.
  const passwords = Object.fromEntries(users.map((u) => [u, `p${randomBytes(16).toString('hex')}`]));
  const conf = join(dir, 'nats.conf');
  writeFileSync(
    conf,
    `listen: 127.0.0.1:${port}\njetstream { store_dir: ${JSON.stringify(join(dir, 'js'))} }\n` + renderNatsAuthConfig(options),
    { mode: 0o600 },
  );
  const env = { ...process.env, ...Object.fromEntries(Object.entries(passwords).map(([u, p]) => [passwordEnvOf(u), p])) };
  const child: ChildProcess = spawn(natsServerBinary(), ['-c', conf], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const deadline = Date.now() + 10_000;
  while (!(await portOpen(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nats-server did not start:\n${output}`);
    }
    await sleep(50);
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    passwords,
    log: () => output,
    stop: async () => {
      await stopProcess(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
