import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, migrateService, natsCredentialsOf, REPO_ROOT, schemaOf, TestEnv } from '@firstset/testing';

export const SERVICES = ['intake', 'preliminary-review', 'expert-management', 'publicity', 'compliance', 'oversight'];

export interface Platform {
  baseUrl: string;
  /** The gateway's OBJECT_STORE_DIR for this run. */
  objectStoreDir: string;
  processes: Map<string, ChildProcess>;
  stop(): Promise<void>;
}

function run(cmd: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cmd, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd.join(' ')} exited ${code}`))));
  });
}

/**
 * The whole platform as separate processes, each on this run's schemas and NATS namespace: the
 * five services (with a clock the test may move) and the gateway on a free port. Logs go to
 * test-artifacts/e2e/<run>/<service>.log. `extraEnv` goes to every process (smaller limits for a test).
 */
export async function startPlatform(env: TestEnv, extraEnv: Record<string, string> = {}): Promise<Platform> {
  for (const name of ['gateway', ...SERVICES]) await migrateService(env, name);
  const common = {
    ...process.env,
    DATABASE_URL: env.databaseUrl,
    NATS_URL: env.natsUrl,
    NATS_NAMESPACE: env.namespace,
    DB_SCHEMA_PREFIX: env.schemaPrefix,
    TOKEN_SECRET: env.tokenSecret,
    ACTOR_VERIFY_KEY: env.actorVerifyKey,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
    // The malware scan has its own suites with a real clamd (ADR 0034); these journeys run without one.
    ...(process.env.CLAMD_SOCKET || process.env.CLAMD_HOST ? {} : { MALWARE_SCAN: process.env.MALWARE_SCAN ?? 'off' }),
    NODE_OPTIONS: '',
    ...extraEnv,
  };
  await run([join(REPO_ROOT, 'scripts', 'seed-demo.mjs')], common);
  const logs = join(REPO_ROOT, 'test-artifacts', 'e2e', env.id);
  mkdirSync(logs, { recursive: true });
  const processes = new Map<string, ChildProcess>();
  const start = (name: string, extra: Record<string, string>) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'apps', name, 'dist', 'main.js')], {
      env: { ...common, DB_SCHEMA: schemaOf(env, name), HEALTH_PORT: '0', ...natsCredentialsOf(env, name), ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = createWriteStream(join(logs, `${name}.log`));
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    processes.set(name, child);
  };
  const port = await freePort();
  // Where the site is: what a certificate's QR code links to (publicity).
  for (const name of SERVICES) start(name, { CLOCK_CONTROL: '1', PUBLIC_BASE_URL: `http://127.0.0.1:${port}` });
  // Uploaded files of this run stay with its logs (ignored by git), not in the working directory.
  const objectStoreDir = join(logs, 'objects');
  // The private actor key goes to the gateway alone (ADR 0015).
  start('gateway', { PORT: String(port), OBJECT_STORE_DIR: objectStoreDir, ACTOR_SIGNING_KEY: env.actorSigningKey });
  const baseUrl = `http://127.0.0.1:${port}/api`;
  const platform: Platform = {
    baseUrl,
    objectStoreDir,
    processes,
    stop: async () => {
      await Promise.all(
        [...processes.values()].map(
          (p) =>
            new Promise<void>((resolve) => {
              if (p.exitCode !== null) return resolve();
              p.once('exit', () => resolve());
              p.kill('SIGTERM');
              setTimeout(() => p.kill('SIGKILL'), 5000).unref();
            }),
        ),
      );
    },
  };
  try {
    await waitUntilReady(baseUrl, processes);
  } catch (err) {
    // Nothing started is left behind when the platform does not come up.
    await platform.stop();
    throw err;
  }
  return platform;
}

async function waitUntilReady(baseUrl: string, processes: Map<string, ChildProcess>): Promise<void> {
  // Generous: on a loaded 2-core machine six Node processes have taken over a minute to come up.
  const deadline = Date.now() + 120_000;
  let last = '';
  while (Date.now() < deadline) {
    for (const [name, p] of processes) if (p.exitCode !== null) throw new Error(`${name} exited with ${p.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/health/services`);
      last = await res.text();
      if (res.status === 200) return;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`platform not ready within 120 s: ${last}`);
}
