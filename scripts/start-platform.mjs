// Starts the gateway and every service as its own process (built output in apps/*/dist), with
// their logs prefixed, and stops them all on Ctrl-C. Used by `./run up` and `./run start`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { AUDIT_CHECKPOINTER, envOf, GATEWAY, nodeArgsOf, SERVICES } from './services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const children = [];

// On ./run's own nats-server each process signs in as its own NATS user (ADR 0013).
const natsSecrets = process.env.NATS_SECRETS_DIR;
const natsCredentials = (name) =>
  natsSecrets ? { NATS_USER: name, NATS_PASSWORD: readFileSync(join(natsSecrets, name), 'utf8').trim() } : {};

function start(name, env, entry = join(root, 'apps', name, 'dist', 'main.js')) {
  const child = spawn(process.execPath, [...nodeArgsOf(name), entry], {
    env: envOf(name, { ...process.env, ...natsCredentials(name), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name}]`.padEnd(22);
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.on('data', (chunk) => {
      buf += chunk;
      const lines = buf.split('\n');
      buf = lines.pop();
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    process.stdout.write(`${prefix}exited (${signal ?? code})\n`);
    if (!stopping) stopAll(1);
  });
  children.push(child);
}

let stopping = false;
function stopAll(code = 0) {
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

for (const s of SERVICES) start(s.name, { HEALTH_PORT: String(s.healthPort) });
start(GATEWAY.name, { PORT: String(GATEWAY.port) });
// Checkpoints of every audit chain, signed at an interval (ADR 0027), when ./run holds a signing key.
if (process.env.AUDIT_SIGNING_KEY) {
  start(
    AUDIT_CHECKPOINTER.name,
    {
      AUDIT_CHECKPOINT_INTERVAL_S: process.env.AUDIT_CHECKPOINT_INTERVAL_S ?? String(AUDIT_CHECKPOINTER.intervalSeconds),
      AUDIT_CHECKPOINT_NATS: '1',
    },
    join(root, AUDIT_CHECKPOINTER.script),
  );
}
process.stdout.write(
  `\n  平台已启动 / platform up: http://127.0.0.1:${GATEWAY.port}/api/docs  (Ctrl-C stops it)\n\n`,
);
