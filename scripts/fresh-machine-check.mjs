// Proves the quick start on a machine where nothing listens: run inside a network namespace of its
// own (`unshare -n`, loopback up; see packages/e2e/test/fresh-machine.e2e-spec.ts), after the
// dependencies are installed. Two rounds, each with its own data directory under /tmp:
//   1. nothing answers: `./run up` starts the embedded PostgreSQL and nats-server, the platform
//      comes up healthy, a demo user signs in, a token signed with the key once published in the
//      repository is refused, the generated key is private; `./run down` stops all of it.
//   2. a NATS of someone else's answers: `./run up` uses it and starts only PostgreSQL;
//      `./run down` leaves that NATS running.
// Exits 0 when every check holds; prints each check and, on failure, the logs.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, mkdirSync, openSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const demo = JSON.parse(readFileSync(join(root, 'scripts', 'demo-data.json'), 'utf8'));
const PUBLISHED_KEY = 'dev-only-secret-change-me-0123456789abcdef';
const api = 'http://127.0.0.1:3000/api';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const checks = [];

function check(ok, what) {
  checks.push(what);
  console.log(`${ok ? '  ✓' : '  ✗'} ${what}`);
  if (!ok) throw new Error(`check failed: ${what}`);
}

const portOpen = (port) =>
  new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

/** A process that has not exited (a zombie waiting for its reaper has exited). */
const alive = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0] !== 'Z';
  } catch {
    return false;
  }
};

function runVerb(env, ...args) {
  const res = spawnSync(join(root, 'run'), args, { cwd: root, env, encoding: 'utf8' });
  return { status: res.status, output: `${res.stdout}${res.stderr}` };
}

/** `./run up` in the background, its output in a file; resolves when the platform is healthy. */
async function up(env, logFile) {
  const out = openSync(logFile, 'w');
  const child = spawn(join(root, 'run'), ['up'], { cwd: root, env, stdio: ['ignore', out, out] });
  let exited = null;
  child.on('exit', (code) => (exited = code));
  const deadline = Date.now() + 420_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`./run up exited with ${exited}`);
    const res = await fetch(`${api}/health/services`).catch(() => undefined);
    if (res?.status === 200) return child;
    await sleep(500);
  }
  throw new Error('the platform did not become healthy within 7 minutes');
}

async function signIn(username) {
  const res = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demo.password }),
  });
  const body = await res.json().catch(() => ({}));
  return { status: res.status, token: body.accessToken };
}

const get = async (path, token) => (await fetch(`${api}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).status;

/** A Department token for an invented user, signed with the key once in the repository. */
const forged = () => {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ actor: { userId: 'invented-user', role: 'department_officer' }, iat_ms: Date.now() })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('firstset-gateway')
    .setAudience('firstset-api')
    .setSubject('invented-user')
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(PUBLISHED_KEY));
};

function newDataDir(name) {
  const dir = mkdtempSync(`/tmp/firstset-${name}-`);
  // The embedded PostgreSQL runs as its own user when we are root: it must reach its directory.
  chmodSync(dir, 0o755);
  return dir;
}

async function roundNothingListens() {
  console.log('round 1: nothing listens on 5432, 4222, 3000');
  for (const port of [5432, 4222, 3000]) check(!(await portOpen(port)), `nothing answers on ${port} before ./run up`);
  const dataDir = newDataDir('fresh');
  const env = { ...process.env, FIRSTSET_DATA_DIR: dataDir };
  delete env.TOKEN_SECRET;
  const log = join(dataDir, 'up.log');
  try {
    await up(env, log);
    const said = readFileSync(log, 'utf8');
    check(/starting embedded PostgreSQL/.test(said) && /starting nats-server/.test(said), './run up says it started the embedded PostgreSQL and nats-server');
    check(/started: embedded PostgreSQL nats-server/.test(said), './run up names what ./run down will stop');
    check((await fetch(`${api}/health/services`)).status === 200, 'GET /api/health/services answers 200');
    const dept = await signIn('dept.admin');
    check(dept.status === 200 && typeof dept.token === 'string', 'the demo user dept.admin signs in');
    check((await get('/auth/me', dept.token)) === 200, 'a signed-in request is answered');
    check((await get('/auth/me')) === 401, 'the same request without a token is refused (401)');
    check((await get('/auth/me', await forged())) === 401, 'a token signed with the key published in the repository is refused (401)');
    const secrets = join(dataDir, 'secrets');
    check((statSync(secrets).mode & 0o777) === 0o700, 'the secrets directory is readable by its owner only (700)');
    check((statSync(join(secrets, 'token-secret')).mode & 0o777) === 0o600, 'the generated token key is readable by its owner only (600)');
    check(readFileSync(join(secrets, 'token-secret'), 'utf8').trim().length >= 64, 'the generated token key has 256 bits');
    const natsPid = Number(readFileSync(join(dataDir, 'run', 'nats.pid'), 'utf8'));
    const pgPid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const down = runVerb(env, 'down');
    check(down.status === 0 && /stopped: platform nats-server embedded PostgreSQL/.test(down.output), './run down stops the platform, nats-server and PostgreSQL');
    await sleep(500);
    for (const port of [5432, 4222, 3000]) check(!(await portOpen(port)), `nothing answers on ${port} after ./run down`);
    check(!alive(natsPid) && !alive(pgPid), 'the nats-server and postmaster processes are gone');
    check(/nothing started by \.\/run is running/.test(runVerb(env, 'down').output), 'a second ./run down has nothing to stop');
  } catch (err) {
    console.log(`--- ./run up output ---\n${safeRead(log)}\n--- nats.log ---\n${safeRead(join(dataDir, 'nats.log'))}\n--- pg server.log ---\n${safeRead(join(dataDir, 'pg', 'server.log'))}`);
    runVerb(env, 'down');
    throw err;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function roundForeignNats() {
  console.log("round 2: someone else's NATS answers on 4222");
  const dataDir = newDataDir('foreign');
  const env = { ...process.env, FIRSTSET_DATA_DIR: dataDir };
  const store = join(dataDir, 'foreign-nats');
  mkdirSync(store);
  const natsBin = ['/usr/sbin/nats-server', '/usr/bin/nats-server'].find((p) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  });
  const foreign = spawn(natsBin, ['-a', '127.0.0.1', '-p', '4222', '-js', '-sd', store], { stdio: 'ignore' });
  const log = join(dataDir, 'up.log');
  try {
    for (let i = 0; i < 50 && !(await portOpen(4222)); i++) await sleep(100);
    check(await portOpen(4222), 'a foreign nats-server answers on 4222');
    await up(env, log);
    const said = readFileSync(log, 'utf8');
    check(/NATS answers on 127\.0\.0\.1:4222 \(the machine's own/.test(said) && !/starting nats-server/.test(said), './run up uses the NATS that answers and says so');
    check((await signIn('dept.admin')).status === 200, 'the platform on the foreign NATS signs a demo user in');
    const down = runVerb(env, 'down');
    check(down.status === 0 && /stopped: platform embedded PostgreSQL/.test(down.output) && !/nats-server/.test(down.output), './run down names only what ./run started');
    await sleep(300);
    check(alive(foreign.pid) && (await portOpen(4222)), 'the foreign nats-server still runs after ./run down');
    check(!(await portOpen(5432)), 'the embedded PostgreSQL is stopped');
  } catch (err) {
    console.log(`--- ./run up output ---\n${safeRead(log)}`);
    runVerb(env, 'down');
    throw err;
  } finally {
    foreign.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function safeRead(path) {
  try {
    return readFileSync(path, 'utf8').slice(-20_000);
  } catch {
    return '(none)';
  }
}

try {
  await roundNothingListens();
  await roundForeignNats();
  console.log(`fresh-machine check: ${checks.length} checks passed`);
} catch (err) {
  console.error(String(err?.stack ?? err));
  process.exit(1);
}
