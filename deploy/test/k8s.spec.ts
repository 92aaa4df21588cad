import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { FILE_SECRET_KEYS, startHealthServer } from '@firstset/service-kit';

// The manifests are checked here without a cluster (ADR 0035): the Kubernetes schemas (kubernetes-models),
// unknown fields (TypeScript against the same models), and what this platform needs of them.
const ROOT = join(__dirname, '..', '..');
const K8S = join(ROOT, 'deploy', 'k8s');
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let renderPlatform: (o?: object) => string;
let manifestProblems: (docs: Doc[], o?: { allowKinds?: string[] }) => Promise<string[]>;
let platform: { DB_PASSWORD_KEYS: string[]; secretKeysOf: (n: string) => string[]; DEFAULTS: Doc };
let services: {
  SERVICES: { name: string; healthPort: number }[];
  GATEWAY: { name: string; port: number };
  AUDIT_CHECKPOINTER: { name: string; script: string };
};
let docs: Doc[];

const yamlDocs = (text: string) =>
  parseAllDocuments(text)
    .map((d) => d.toJS())
    .filter(Boolean) as Doc[];
const of = (kind: string, name?: string) =>
  docs.filter((d) => d.kind === kind && (name === undefined || d.metadata.name === name));
const one = (kind: string, name: string) => {
  const found = of(kind, name);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const containerOf = (d: Doc) => d.spec.template.spec.containers[0];
const apps = readdirSync(join(ROOT, 'apps')).filter((a) =>
  existsSync(join(ROOT, 'apps', a, 'src', 'main.ts')),
);

beforeAll(async () => {
  ({ renderPlatform } = await import('../k8s/render.mjs'));
  ({ manifestProblems } = await import('../k8s/validate.mjs'));
  platform = await import('../k8s/platform.mjs');
  services = await import('../../scripts/services.mjs');
  docs = yamlDocs(readFileSync(join(K8S, 'rendered', 'platform.yaml'), 'utf8'));
});

describe('Kubernetes manifests (deploy/k8s)', () => {
  it('are rendered from platform.mjs: the committed YAML is current', () => {
    expect(readFileSync(join(K8S, 'rendered', 'platform.yaml'), 'utf8')).toBe(renderPlatform());
  });

  it('validate against the Kubernetes schemas, with no unknown field', async () => {
    expect(docs.length).toBeGreaterThan(20);
    expect(await manifestProblems(docs)).toEqual([]);
  });

  it('fail validation when a manifest is wrong: a type, a misspelt field, an unknown kind, a missing required field', async () => {
    const bad = structuredClone(one('Deployment', 'intake'));
    bad.spec.replicas = 'two';
    const typo = structuredClone(one('Deployment', 'gateway'));
    containerOf(typo).readinesProbe = containerOf(typo).readinessProbe;
    delete containerOf(typo).readinessProbe;
    const misplaced = structuredClone(one('NetworkPolicy', 'default-deny'));
    misplaced.spec.ports = [{ port: 53 }];
    const noName = structuredClone(one('Deployment', 'publicity'));
    delete containerOf(noName).name;
    const problems = await manifestProblems([
      bad,
      typo,
      misplaced,
      { apiVersion: 'v1', kind: 'Nothing', metadata: { name: 'x' } },
      noName,
    ]);
    expect(problems.join('\n')).toMatch(/0 Deployment\/intake: .*replicas must be integer/);
    expect(problems.join('\n')).toMatch(
      /1 Deployment\/gateway: .*'"readinesProbe"' does not exist in type 'IContainer'/,
    );
    expect(problems.join('\n')).toMatch(/2 NetworkPolicy\/default-deny: .*'"ports"' does not exist/);
    expect(problems.join('\n')).toMatch(/3 Nothing\/x: unknown apiVersion\/kind v1\/Nothing/);
    expect(problems.join('\n')).toMatch(/4 Deployment\/publicity: .*'"?name"?' is missing/);
    // And the YAML path: a broken document in a file is reported, not skipped.
    const text = readFileSync(join(K8S, 'rendered', 'platform.yaml'), 'utf8').replace(
      'containerPort: 3101',
      'containerPort: "health-port"',
    );
    expect(await manifestProblems(yamlDocs(text))).toEqual([
      expect.stringMatching(/Deployment\/intake: .*containerPort must be integer/),
      expect.stringMatching(/Deployment\/intake: /),
    ]);
  });

  it('run every app under apps/ and the checkpoint signer, each with probes on its real health endpoints', async () => {
    expect(
      of('Deployment')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual([...apps, services.AUDIT_CHECKPOINTER.name].sort());
    for (const svc of services.SERVICES) {
      const c = containerOf(one('Deployment', svc.name));
      expect(c.command).toEqual(['node', `apps/${svc.name}/dist/main.js`]);
      expect(c.ports).toEqual([{ name: 'health', containerPort: svc.healthPort }]);
      expect(c.env).toContainEqual({ name: 'HEALTH_PORT', value: String(svc.healthPort) });
      expect(c.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'health' });
      expect(c.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'health' });
    }
    // The paths are the kit's health server's: both answer 200 there (readiness with its probes passing).
    const { server, port } = await startHealthServer('intake', 0, { ok: async () => undefined });
    try {
      for (const path of ['/health/live', '/health/ready'])
        expect((await fetch(`http://127.0.0.1:${port}${path}`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/health/nothing`)).status).toBe(404);
    } finally {
      server.close();
    }
    const gw = containerOf(one('Deployment', 'gateway'));
    expect(gw.command).toEqual(['node', '--max-semi-space-size=2', 'apps/gateway/dist/main.js']);
    // Its health server carries /metrics (ADR 0037); probes stay on the public port's routes.
    expect(gw.ports).toEqual([
      { name: 'http', containerPort: services.GATEWAY.port },
      { name: 'health', containerPort: 3100 },
    ]);
    expect(gw.env).toContainEqual({ name: 'HEALTH_PORT', value: '3100' });
    expect(gw.livenessProbe.httpGet).toEqual({ path: '/api/health/live', port: 'http' });
    expect(gw.readinessProbe.httpGet).toEqual({ path: '/api/health/ready', port: 'http' });
    // The gateway's routes: prefix `api` (app.ts), controller `health`, `live` and `ready`.
    expect(readFileSync(join(ROOT, 'apps/gateway/src/app.ts'), 'utf8')).toContain(
      "app.setGlobalPrefix('api')",
    );
    const controller = readFileSync(join(ROOT, 'apps/gateway/src/http/health.controller.ts'), 'utf8');
    expect(controller).toMatch(/@Controller\('health'\)[\s\S]*@Get\('live'\)[\s\S]*@Get\('ready'\)/);
    expect(containerOf(one('Deployment', services.AUDIT_CHECKPOINTER.name)).command).toEqual([
      'node',
      services.AUDIT_CHECKPOINTER.script,
    ]);
  });

  it('issue 22.1 keep every stream on three replicas on the chart\u2019s three servers, and scan the gateway\u2019s uploads with clamd', () => {
    for (const d of of('Deployment')) expect(containerOf(d).env).toContainEqual({ name: 'JETSTREAM_REPLICAS', value: '3' });
    const gateway = containerOf(one('Deployment', 'gateway'));
    expect(gateway.env).toContainEqual({ name: 'CLAMD_HOST', value: 'clamav' });
    expect(gateway.env.find((e: { name: string }) => e.name === 'MALWARE_SCAN')).toBeUndefined();
    expect(one('Service', 'clamav').spec.type).toBe('ExternalName');
  });

  it('give every container resource requests and limits, and run it as non-root on a read-only root', () => {
    const pods = [...of('Deployment'), ...of('Job')].map((d) => d.spec.template.spec);
    for (const pod of pods) {
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const c of pod.containers) {
        expect(Object.keys(c.resources.requests).sort()).toEqual(['cpu', 'memory']);
        expect(c.resources.limits.memory).toBeDefined();
        expect(c.securityContext).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
      }
    }
    expect(one('Namespace', 'firstset').metadata.labels['pod-security.kubernetes.io/enforce']).toBe(
      'restricted',
    );
  });

  it('scale the gateway and intake on CPU, and keep one pod of each app through a voluntary disruption', () => {
    expect(of('HorizontalPodAutoscaler').map((h) => h.spec.scaleTargetRef)).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' },
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'intake' },
    ]);
    for (const h of of('HorizontalPodAutoscaler')) expect(h.spec.minReplicas).toBeGreaterThanOrEqual(2);
    for (const app of apps) {
      const pdb = one('PodDisruptionBudget', app);
      const deployment = one('Deployment', app);
      expect(pdb.spec.minAvailable).toBe(1);
      expect(deployment.spec.replicas).toBeGreaterThan(pdb.spec.minAvailable);
      expect(deployment.spec.template.metadata.labels).toMatchObject(pdb.spec.selector.matchLabels);
    }
  });

  it('deny all traffic but DNS, the database (5432), the bus (4222), clamd for the gateway (3310) and the gateway port from the ingress controller', () => {
    const policies = of('NetworkPolicy');
    expect(one('NetworkPolicy', 'default-deny').spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });
    const platformPods = policies.filter(
      (p) => !p.spec.podSelector.matchLabels?.['app.kubernetes.io/name']?.startsWith('nats'),
    );
    const egressPorts = new Set(
      platformPods.flatMap((p) =>
        (p.spec.egress ?? []).flatMap((e: Doc) => e.ports.map((x: Doc) => `${x.protocol}/${x.port}`)),
      ),
    );
    // …and the gateway's uploads to clamd (ADR 0034), which only the gateway may reach.
    expect([...egressPorts].sort()).toEqual(['TCP/3310', 'TCP/4222', 'TCP/53', 'TCP/5432', 'UDP/53']);
    const clamd = platformPods.filter((p) => (p.spec.egress ?? []).some((e: { ports?: Array<{ port: number }> }) => e.ports?.some((x) => x.port === 3310)));
    expect(clamd.map((p) => p.spec.podSelector.matchLabels)).toEqual([{ 'app.kubernetes.io/name': 'gateway' }]);
    for (const p of platformPods) for (const e of p.spec.egress ?? []) expect(e.to.length).toBeGreaterThan(0);
    // Prometheus reaches the health ports' /metrics from its namespace, and nothing else of ours.
    const scrape = one('NetworkPolicy', 'allow-metrics-scrape').spec.ingress;
    expect(scrape).toEqual([
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
        ports: [3100, ...services.SERVICES.map((s: { healthPort: number }) => s.healthPort)].map((port) => ({ protocol: 'TCP', port })),
      },
    ]);
    const ingress = platformPods.filter((p) => p.spec.ingress && p.metadata.name !== 'allow-metrics-scrape');
    expect(ingress.map((p) => p.metadata.name)).toEqual(['allow-gateway-ingress']);
    expect(ingress[0]!.spec.ingress).toEqual([
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }],
        ports: [{ protocol: 'TCP', port: services.GATEWAY.port }],
      },
    ]);
    // Which pods get which egress: the labels the policies select on.
    const db = one('NetworkPolicy', 'allow-database-egress').spec.podSelector.matchLabels;
    const bus = one('NetworkPolicy', 'allow-bus-egress').spec.podSelector.matchLabels;
    for (const d of of('Deployment'))
      expect(d.spec.template.metadata.labels).toMatchObject({ ...db, ...bus });
    const job = of('Job')[0]!;
    expect(job.spec.template.metadata.labels).toMatchObject(db);
    expect(Object.keys(bus).every((k) => job.spec.template.metadata.labels[k] === undefined)).toBe(true);
  });

  it('give secrets as files only, each process its own Secret, through <KEY>_FILE variables the config loader reads', () => {
    for (const d of [...of('Deployment'), ...of('Job')]) {
      const pod = d.spec.template.spec;
      const name = d.kind === 'Job' ? 'migrate' : d.metadata.name;
      expect(pod.volumes.find((v: Doc) => v.name === 'secrets').secret.secretName).toBe(`firstset-${name}`);
      for (const e of containerOf(d).env) {
        expect(e.valueFrom).toBeUndefined();
        if (e.name.endsWith('_FILE') && e.name !== 'AUDIT_CHECKPOINT_FILE') {
          expect(e.value).toMatch(/^\/run\/secrets\/firstset\//);
          expect([...FILE_SECRET_KEYS, 'DATABASE_ADMIN_URL']).toContain(e.name.replace(/_FILE$/, ''));
          const file = e.value.split('/').pop();
          expect(platform.secretKeysOf(name)).toContain(file);
        } else if (!String(e.value).startsWith('/run/secrets/')) {
          expect(`${e.name}=${e.value}`).not.toMatch(/postgres(ql)?:\/\/|password|secret|_KEY=/i);
        }
      }
    }
    const gatewayEnv = containerOf(one('Deployment', 'gateway')).env.map((e: Doc) => e.name);
    expect(gatewayEnv).toEqual(
      expect.arrayContaining([
        'DATABASE_URL_FILE',
        'NATS_PASSWORD_FILE',
        'TOKEN_SECRET_FILE',
        'ACTOR_SIGNING_KEY_FILE',
        'ACTOR_VERIFY_KEY_FILE',
      ]),
    );
    for (const svc of services.SERVICES) {
      const env = containerOf(one('Deployment', svc.name)).env.map((e: Doc) => e.name);
      expect(env).not.toContain('ACTOR_SIGNING_KEY_FILE');
      expect(env).not.toContain('AUDIT_SIGNING_KEY_FILE');
    }
  });

  it('migrate in a Job: roles, migrations as the migration role, roles again', () => {
    const [job] = of('Job');
    const c = containerOf(job!);
    expect(c.command.join(' ')).toBe(
      'sh -c node scripts/db-roles.mjs && node scripts/migrate-all.mjs && node scripts/db-roles.mjs',
    );
    expect(c.env).toEqual(
      expect.arrayContaining([
        { name: 'DATABASE_ADMIN_URL_FILE', value: '/run/secrets/firstset/admin-url' },
        { name: 'DB_PASSWORDS_DIR', value: '/run/secrets/firstset-db-passwords' },
      ]),
    );
    expect(platform.DB_PASSWORD_KEYS.sort()).toEqual(['migrator', ...apps, 'audit-checkpoint'].sort());
  });

  it('carry NATS with the official chart: three servers, JetStream on files, the generated permission table', () => {
    const values = parse(readFileSync(join(K8S, 'nats-values.yaml'), 'utf8'));
    expect(values.config.cluster).toEqual({ enabled: true, replicas: 3 });
    expect(values.config.jetstream).toMatchObject({
      enabled: true,
      fileStore: { enabled: true, pvc: { enabled: true } },
    });
    // The ConfigMap is made from the generated file at deploy time (its name in the values' header).
    const header = readFileSync(join(K8S, 'nats-values.yaml'), 'utf8');
    expect(header).toContain('kubectl -n firstset create configmap firstset-nats-auth --from-file=infra/nats/auth.conf');
    const authConf = readFileSync(join(ROOT, 'infra/nats/auth.conf'), 'utf8');
    // A new NATS user needs its password in the servers' environment: add it to nats-values.yaml.
    const users = [...authConf.matchAll(/password: \$(NATS_PASSWORD_[A-Z_]+)/g)].map((m) => m[1]);
    expect(Object.keys(values.container.env).sort()).toEqual(users.sort());
    for (const v of Object.values(values.container.env) as Doc[])
      expect(v.valueFrom.secretKeyRef.name).toBe('firstset-nats-passwords');
    // The include names the file where the ConfigMap is mounted, relative to the chart's /etc/nats-config.
    const mount = values.container.patch.find((p: Doc) => p.path === '/volumeMounts/-').value;
    const volume = values.podTemplate.patch.find((p: Doc) => p.path === '/spec/volumes/-').value;
    expect(volume.configMap.name).toBe('firstset-nats-auth');
    expect(mount.name).toBe(volume.name);
    expect(join('/etc/nats-config', values.config.merge.$include)).toBe(`${mount.mountPath}/auth.conf`);
    // The apps reach the release by its name.
    expect(containerOf(one('Deployment', 'intake')).env).toContainEqual({
      name: 'NATS_URL',
      value: `nats://${platform.DEFAULTS.nats.release}:4222`,
    });
  });

  it('reach PostgreSQL outside the namespace; the CloudNativePG example is consistent with it', async () => {
    const cnpg = yamlDocs(readFileSync(join(K8S, 'cloudnative-pg-cluster.yaml'), 'utf8'));
    // The operator's Cluster is a CRD: its kind is parse-checked here, the rest against the schemas.
    expect(await manifestProblems(cnpg, { allowKinds: ['postgresql.cnpg.io/v1/Cluster'] })).toEqual([]);
    const cluster = cnpg.find((d) => d.kind === 'Cluster')!;
    expect(cluster.spec.instances).toBeGreaterThanOrEqual(3);
    expect(cluster.spec.minSyncReplicas).toBeGreaterThanOrEqual(1);
    expect(cluster.spec.enableSuperuserAccess).toBe(true);
    const { database } = platform.DEFAULTS;
    expect(database.host).toBe(`${cluster.metadata.name}-rw.${cluster.metadata.namespace}.svc.cluster.local`);
    expect(one('Service', 'postgres').spec).toEqual({ type: 'ExternalName', externalName: database.host });
    expect(database.podLabels).toEqual({ 'cnpg.io/cluster': cluster.metadata.name });
    const policy = cnpg.find((d) => d.kind === 'NetworkPolicy')!;
    expect(policy.spec.ingress[0].from[0]).toEqual({
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'firstset' } },
      podSelector: {
        matchLabels: one('NetworkPolicy', 'allow-database-egress').spec.podSelector.matchLabels,
      },
    });
  });
});

describe('deploy/k8s/secrets.mjs', () => {
  it('generates every Secret the manifests mount, consistent with one another and valid', async () => {
    const { generateSecrets } = await import('../k8s/secrets.mjs');
    const { ActorVerifier } = await import('@firstset/messaging');
    const adminUrl = 'postgresql://postgres:x@firstset-db-rw.firstset-db:5432/firstset';
    const { secrets, auditVerifyKey } = await generateSecrets({ adminUrl });
    const plain = secrets.map((s: Doc) => JSON.parse(JSON.stringify(s)));
    expect(await manifestProblems(plain)).toEqual([]);
    const byName = new Map(plain.map((s: Doc) => [s.metadata.name, s.stringData as Record<string, string>]));
    // Every Secret a pod mounts exists with exactly the keys its <KEY>_FILE variables name.
    for (const d of [...of('Deployment'), ...of('Job')]) {
      for (const v of d.spec.template.spec.volumes.filter((x: Doc) => x.secret)) {
        const data = byName.get(v.secret.secretName);
        expect(data).toBeDefined();
        for (const e of containerOf(d).env.filter((x: Doc) =>
          x.value?.startsWith(`/run/secrets/firstset/`),
        )) {
          if (v.name === 'secrets') expect(data).toHaveProperty([e.value.split('/').pop()]);
        }
      }
    }
    const dbPasswords = byName.get('firstset-db-passwords')!;
    const nats = byName.get('firstset-nats-passwords')!;
    for (const name of [...apps, services.AUDIT_CHECKPOINTER.name]) {
      const data = byName.get(`firstset-${name}`)!;
      const url = new URL(data['database-url']!);
      expect(url.username).toBe(`firstset_${name.replace(/-/g, '_')}`);
      expect(url.password).toBe(dbPasswords[name]);
      expect(url.host).toBe('postgres:5432');
      expect(data['nats-password']).toBe(nats[name]);
      if (name !== services.AUDIT_CHECKPOINTER.name)
        expect(() => new ActorVerifier(data['actor-verify-key']!, name)).not.toThrow();
    }
    expect(Object.keys(byName.get('firstset-gateway')!).sort()).toEqual([
      'actor-signing-key',
      'actor-verify-key',
      'database-url',
      'nats-password',
      'token-secret',
    ]);
    expect(Object.keys(byName.get('firstset-intake')!).sort()).toEqual([
      'actor-verify-key',
      'database-url',
      'nats-password',
    ]);
    expect(byName.get('firstset-migrate')).toEqual({
      'admin-url': adminUrl,
      'database-url': expect.stringMatching(
        /^postgresql:\/\/firstset_migrator:p[0-9a-f]{48}@postgres:5432\/firstset$/,
      ),
    });
    expect(auditVerifyKey).toMatch(/^04[0-9a-f]{128}$/);
    // Two runs share nothing.
    const again = await generateSecrets({ adminUrl });
    expect(JSON.parse(JSON.stringify(again.secrets[0])).stringData['nats-password']).not.toBe(
      plain[0].stringData['nats-password'],
    );
    await expect(generateSecrets({ adminUrl: 'mysql://x' })).rejects.toThrow(/postgresql:\/\//);
  });
});
