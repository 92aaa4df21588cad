import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '@firstset/testing';

// docker-compose.yml cannot run on the build machines (no Docker engine); this keeps it honest.
const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
const apps = readdirSync(join(REPO_ROOT, 'apps')).filter((a) => existsSync(join(REPO_ROOT, 'apps', a, 'src', 'main.ts')));

describe('docker-compose.yml', () => {
  it('runs every app under apps/ as a service that starts its own main.js, with the flags ./run uses', async () => {
    // @ts-expect-error -- a plain ES module of the repository's scripts, without types
    const { nodeArgsOf } = (await import('../../../scripts/services.mjs')) as { nodeArgsOf: (name: string) => string[] };
    expect(apps.length).toBeGreaterThanOrEqual(6);
    for (const app of apps) {
      expect(compose.services).toHaveProperty(app);
      expect(compose.services[app].command).toEqual(['node', ...nodeArgsOf(app), `apps/${app}/dist/main.js`]);
    }
    expect(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8')).toContain(`CMD ["node", ${nodeArgsOf('gateway').map((a) => `"${a}", `).join('')}"apps/gateway/dist/main.js"]`);
  });

  it('gives every app the database and NATS, and starts it after migrations', () => {
    for (const app of apps) {
      const svc = compose.services[app];
      expect(svc.environment.DATABASE_URL).toMatch(/^postgresql:\/\/.+@postgres:5432\//);
      expect(svc.environment.NATS_URL).toBe('${NATS_URL:-nats://nats:4222}');
      expect(svc.environment.JETSTREAM_REPLICAS).toBe('${JETSTREAM_REPLICAS:-1}');
      expect(svc.depends_on.migrate.condition).toBe('service_completed_successfully');
      expect(svc.healthcheck.test.join(' ')).toMatch(/health\/ready/);
    }
  });

  it('runs PostgreSQL and a NATS ≥ 2.10.23 with JetStream syncing every write', () => {
    expect(compose.services.postgres.image).toMatch(/^postgres:\d+/);
    const [major, minor, patch] = compose.services.nats.image.split(':')[1].split('.').map(Number);
    expect(major * 1e6 + minor * 1e3 + (patch || 0)).toBeGreaterThanOrEqual(2_010_023);
    const conf = readFileSync(join(REPO_ROOT, 'infra', 'nats', 'nats.conf'), 'utf8');
    expect(conf).toMatch(/jetstream\s*{[^}]*sync_interval:\s*always/);
  });

  it('signs every app in to NATS as its own user, whose password the server and the app share (ADR 0013)', () => {
    const auth = readFileSync(join(REPO_ROOT, 'infra', 'nats', 'auth.conf'), 'utf8');
    const nats = compose.services.nats;
    expect(readFileSync(join(REPO_ROOT, 'infra', 'nats', 'nats.conf'), 'utf8')).toMatch(/^include "auth\.conf"$/m);
    expect(nats.volumes).toContain('./infra/nats/auth.conf:/etc/nats/auth.conf:ro');
    const users = [...auth.matchAll(/user: "([a-z-]+)"\s+password: \$(NATS_PASSWORD_[A-Z_]+)/g)].map((m) => [m[1], m[2]]);
    expect(users.map(([u]) => u).sort()).toEqual([...apps, 'audit-checkpoint', 'dlq-operator'].sort());
    expect(Object.keys(nats.environment).sort()).toEqual(users.map(([, v]) => v).sort());
    for (const [user, variable] of users) {
      const env = compose.services[user!].environment;
      expect(env.NATS_USER).toBe(user);
      // Required: compose refuses to start without it, and it is the same variable the server reads.
      expect(env.NATS_PASSWORD).toMatch(new RegExp(`^\\$\\{${variable}:\\?`));
      expect(nats.environment[variable!]).toBe(env.NATS_PASSWORD);
    }
    expect(auth).not.toMatch(/no_auth_user/);
  });

  it('scans every upload with a pinned clamd that takes uploads whole, and the gateway waits for it (ADR 0034)', () => {
    const clamav = compose.services.clamav;
    expect(clamav.image).toMatch(/^clamav\/clamav(-debian)?:\d+\.\d+\.\d+$/);
    expect(clamav.volumes).toContain('clamavdb:/var/lib/clamav');
    expect(clamav.healthcheck.test.join(' ')).toMatch(/clamdcheck/);
    const gw = compose.services.gateway;
    expect(gw.environment.MALWARE_SCAN).toBeUndefined();
    expect([gw.environment.CLAMD_HOST, gw.environment.CLAMD_PORT]).toEqual(['clamav', '3310']);
    expect(gw.depends_on.clamav.condition).toBe('service_healthy');
    const mib = (v: string) => Number(/^(\d+)M$/.exec(v)![1]) * 1024 * 1024;
    // The client refuses past clamd's StreamMaxLength; both must take the largest upload (200 MiB by default).
    expect(Number(gw.environment.CLAMD_STREAM_MAX_BYTES)).toBe(mib(clamav.environment.CLAMD_CONF_StreamMaxLength));
    expect(mib(clamav.environment.CLAMD_CONF_StreamMaxLength)).toBeGreaterThanOrEqual(200 * 1024 * 1024);
  });

  it('issue 22.1 runs a cluster profile: three NATS nodes on the cluster config the cluster test runs, R3, two intakes and two gateways', () => {
    const nodes = ['nats-1', 'nats-2', 'nats-3'].map((n) => compose.services[n]);
    const conf = readFileSync(join(REPO_ROOT, 'infra', 'nats', 'cluster', 'cluster.conf'), 'utf8');
    const variables = [...new Set([...conf.matchAll(/\$(NATS_[A-Z_]+)/g)].map((m) => m[1]))];
    expect(variables.length).toBeGreaterThanOrEqual(6);
    expect(readFileSync(join(REPO_ROOT, 'infra', 'nats', 'cluster', 'node.conf'), 'utf8')).toMatch(/include "cluster\.conf"[\s\S]*include "\.\.\/auth\.conf"/);
    for (const [i, node] of nodes.entries()) {
      expect(node.profiles).toEqual(['cluster']);
      expect(node.image).toBe(compose.services.nats.image);
      expect(node.command).toEqual(['-c', '/etc/nats/cluster/node.conf']);
      expect(node.volumes).toEqual(['./infra/nats/cluster:/etc/nats/cluster:ro', './infra/nats/auth.conf:/etc/nats/auth.conf:ro', `natsdata-${i + 1}:/data`]);
      expect(node.environment.NATS_SERVER_NAME).toBe(`nats-${i + 1}`);
      for (const v of variables) expect(node.environment).toHaveProperty(v!);
      // Every user's password, as on the single node.
      for (const [k, v] of Object.entries(compose.services.nats.environment)) expect(node.environment[k]).toBe(v);
      expect(node.environment.NATS_ROUTES).toBe('[nats://nats-1:6222, nats://nats-2:6222, nats://nats-3:6222]');
    }
    for (const [second, first] of [['intake-2', 'intake'], ['gateway-2', 'gateway']]) {
      expect(compose.services[second].profiles).toEqual(['cluster']);
      expect(compose.services[second].command).toEqual(compose.services[first].command);
      expect(compose.services[second].environment).toEqual(compose.services[first].environment);
    }
    const envFile = Object.fromEntries(
      readFileSync(join(REPO_ROOT, 'infra', 'compose', 'cluster.env'), 'utf8')
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(envFile).toEqual({ NATS_URL: 'nats://nats-1:4222,nats://nats-2:4222,nats://nats-3:4222', JETSTREAM_REPLICAS: '3' });
  });

  it('issue 22.3 runs the dead-letter command as its own NATS user, only when asked (tools profile)', () => {
    const dlq = compose.services['dlq-operator'];
    expect(dlq.profiles).toEqual(['tools']);
    expect(dlq.entrypoint).toEqual(['node', 'scripts/dlq.mjs']);
    expect(dlq.environment.NATS_USER).toBe('dlq-operator');
  });

  it('seeds demo accounts only when asked and demands a token secret', () => {
    expect(compose.services.migrate.command.join(' ')).toMatch(/SEED_DEMO/);
    expect(String(compose.services.gateway.environment.TOKEN_SECRET)).toMatch(/\?/);
  });

  it('gives the actor signing key to the gateway alone and the verify key to every service (ADR 0015)', () => {
    for (const name of ['intake', 'preliminary-review', 'expert-management', 'publicity', 'compliance', 'oversight']) {
      const env = compose.services[name].environment;
      expect(String(env.ACTOR_VERIFY_KEY)).toMatch(/\?/);
      expect(env.ACTOR_SIGNING_KEY).toBeUndefined();
    }
    expect(String(compose.services.gateway.environment.ACTOR_SIGNING_KEY)).toMatch(/\?/);
  });

  it('runs the audit checkpoint signer with the audit signing key, which no other process gets (ADR 0027)', async () => {
    // @ts-expect-error -- a plain ES module of the repository's scripts, without types
    const { AUDIT_CHECKPOINTER } = (await import('../../../scripts/services.mjs')) as { AUDIT_CHECKPOINTER: { name: string; script: string; intervalSeconds: number } };
    const signer = compose.services[AUDIT_CHECKPOINTER.name];
    expect(signer.command).toEqual(['node', AUDIT_CHECKPOINTER.script]);
    expect(String(signer.environment.AUDIT_SIGNING_KEY)).toMatch(/\?/);
    expect(signer.environment.AUDIT_CHECKPOINT_NATS).toBe('1');
    expect(Number(signer.environment.AUDIT_CHECKPOINT_INTERVAL_S)).toBe(AUDIT_CHECKPOINTER.intervalSeconds);
    expect(signer.volumes).toContain(`auditcheckpoints:${signer.environment.AUDIT_CHECKPOINT_FILE.replace(/\/[^/]+$/, '')}`);
    expect(signer.environment.ACTOR_SIGNING_KEY).toBeUndefined();
    for (const app of apps) expect(compose.services[app].environment.AUDIT_SIGNING_KEY).toBeUndefined();
  });

  it('keeps uploaded materials on a named volume the gateway writes to', () => {
    const gateway = compose.services.gateway;
    expect(gateway.volumes).toContain(`objects:${gateway.environment.OBJECT_STORE_DIR}`);
    expect(compose.volumes).toHaveProperty('objects');
  });

  it('builds on the Node 24 LTS image', () => {
    const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
    const images = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toMatch(/^node:24\./);
  });
});
