import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { freePort, natsServerBinary, stopProcess } from './nats-server';

/** A local JetStream cluster of nats-server processes, each with its own ports and store. */
export interface NatsCluster {
  /** Every node's client URL, for a connection that fails over. */
  urls: string[];
  /** The node names (`nats-1` …), in order. */
  names: string[];
  /** kill -9 one node (by index); its store stays for the restart. */
  kill(index: number): void;
  /** Starts a killed node again on the same ports and store. */
  restart(index: number): Promise<void>;
  /** Whether the node's process runs. */
  running(index: number): boolean;
  /** What one node logged. */
  log(index: number): string;
  stop(): Promise<void>;
}

/** infra/nats/cluster/cluster.conf, found from this file up to the repository root. */
export function clusterConfigPath(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'infra', 'nats', 'cluster', 'cluster.conf');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('infra/nats/cluster/cluster.conf not found above ' + __dirname);
}

interface Node {
  name: string;
  clientPort: number;
  httpPort: number;
  clusterPort: number;
  storeDir: string;
  child?: ChildProcess;
  output: string;
}

/**
 * Starts `size` nats-server processes running the production cluster configuration
 * (infra/nats/cluster/cluster.conf; ADR 0036) with JetStream clustered, and resolves once the
 * cluster has a JetStream meta leader. Without authorization: tests bring their own namespace.
 */
export async function startNatsCluster(size = 3): Promise<NatsCluster> {
  const conf = clusterConfigPath();
  const dir = mkdtempSync(join(tmpdir(), 'nats-cluster-'));
  const nodes: Node[] = [];
  for (let i = 1; i <= size; i++) {
    nodes.push({
      name: `nats-${i}`,
      clientPort: await freePort(),
      httpPort: await freePort(),
      clusterPort: await freePort(),
      storeDir: join(dir, `nats-${i}`),
      output: '',
    });
  }
  const routes = `[${nodes.map((n) => `nats://127.0.0.1:${n.clusterPort}`).join(', ')}]`;
  const spawnNode = (n: Node) => {
    mkdirSync(n.storeDir, { recursive: true });
    const env = {
      ...process.env,
      NATS_SERVER_NAME: n.name,
      NATS_CLIENT_PORT: String(n.clientPort),
      NATS_HTTP_PORT: String(n.httpPort),
      NATS_CLUSTER_PORT: String(n.clusterPort),
      NATS_STORE_DIR: JSON.stringify(n.storeDir),
      NATS_ROUTES: routes,
    };
    const child = spawn(natsServerBinary(), ['-c', conf, '-a', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (c) => (n.output += c));
    child.stderr!.on('data', (c) => (n.output += c));
    n.child = child;
  };
  nodes.forEach(spawnNode);
  const urls = nodes.map((n) => `nats://127.0.0.1:${n.clientPort}`);
  const alive = (i: number) => nodes[i]!.child?.exitCode === null && nodes[i]!.child?.signalCode === null;
  const stop = async () => {
    await Promise.all(nodes.map((n) => stopProcess(n.child)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForMetaLeader(urls, 30_000);
  } catch (err) {
    const logs = nodes.map((n) => `--- ${n.name}\n${n.output.slice(-2000)}`).join('\n');
    await stop();
    throw new Error(`${(err as Error).message}\n${logs}`, { cause: err });
  }
  return {
    urls,
    names: nodes.map((n) => n.name),
    kill: (i) => {
      nodes[i]!.child?.kill('SIGKILL');
    },
    restart: async (i) => {
      const n = nodes[i]!;
      if (alive(i)) throw new Error(`${n.name} is still running`);
      if (n.child && n.child.exitCode === null && n.child.signalCode === null) await new Promise((r) => n.child!.once('exit', r));
      spawnNode(n);
      await waitForMetaLeader([urls[i]!], 30_000);
    },
    running: alive,
    log: (i) => nodes[i]!.output,
    stop,
  };
}

/** Resolves once a JetStream API call answers through one of `urls` (a meta leader exists). */
export async function waitForMetaLeader(urls: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const nc = await connect({ servers: urls, timeout: 1000 });
      try {
        const jsm = await jetstreamManager(nc, { timeout: 1000 });
        await jsm.getAccountInfo();
        return;
      } finally {
        await nc.close();
      }
    } catch (err) {
      last = err;
      await sleep(200);
    }
  }
  throw new Error(`no JetStream meta leader within ${timeoutMs} ms: ${String(last)}`);
}
