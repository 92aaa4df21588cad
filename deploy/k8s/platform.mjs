// The platform on Kubernetes, as code (ADR 0035): every object is a kubernetes-models instance, so
// `validate()` checks it against the Kubernetes OpenAPI schemas without a cluster. render.mjs writes
// them to deploy/k8s/rendered/platform.yaml; the test validates that file and fails on a bad one.
import { Namespace, PersistentVolumeClaim, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { AUDIT_CHECKPOINTER, GATEWAY, SERVICES, nodeArgsOf } from '../../scripts/services.mjs';

/** What a deployment chooses; everything else follows from scripts/services.mjs. */
export const DEFAULTS = {
  namespace: 'firstset',
  /** Per-service images `<registry>/<name>:<tag>` (Dockerfile.service) and the full one for jobs. */
  registry: 'registry.example.gov.cn/firstset',
  tag: '0.1.0',
  host: 'firstset.example.gov.cn',
  /** The ingress controller's namespace: the only source of traffic to the gateway. */
  ingressNamespace: 'ingress-nginx',
  /** PostgreSQL outside this namespace (deploy/k8s/cloudnative-pg-cluster.yaml's example). */
  database: {
    host: 'firstset-db-rw.firstset-db.svc.cluster.local',
    namespace: 'firstset-db',
    podLabels: { 'cnpg.io/cluster': 'firstset-db' },
  },
  /** The official NATS Helm chart's release in this namespace (deploy/k8s/nats-values.yaml). */
  nats: { release: 'nats' },
  /** Prometheus's namespace: the only source of scrapes of the health ports' /metrics (ADR 0037). */
  monitoringNamespace: 'monitoring',
  /** The gateway's health server, which carries its /metrics (its public port has none). */
  gatewayHealthPort: 3100,
  /** Copies of every JetStream stream (ADR 0036): the chart's three servers keep one each. */
  jetstreamReplicas: 3,
  /**
   * ClamAV's clamd, which scans every upload before it is stored (ADR 0034): in a namespace of its
   * own (its image starts as root, which this namespace's `restricted` policy refuses), with
   * freshclam reaching a signature mirror.
   */
  clamd: {
    host: 'clamav.clamav.svc.cluster.local',
    port: 3310,
    namespace: 'clamav',
    podLabels: { 'app.kubernetes.io/name': 'clamav' },
    /** clamd's StreamMaxLength, bytes: 210 MiB, above the 200 MiB upload limit. */
    streamMaxBytes: 220200960,
  },
};

const PART_OF = { 'app.kubernetes.io/part-of': 'firstset' };
const SECRETS_DIR = '/run/secrets/firstset';
const labelsOf = (name, extra = {}) => ({ 'app.kubernetes.io/name': name, ...PART_OF, ...extra });
// Which egress a pod gets (NetworkPolicies below select on these).
const USES_DB = { 'firstset.gov.cn/database': 'true' };
const USES_BUS = { 'firstset.gov.cn/bus': 'true' };

/** Each process's resources: requests from the benchmarks' figures (docs/benchmarks.md), limits with headroom. */
const RESOURCES = {
  gateway: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '2', memory: '1Gi' } },
  service: { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '1', memory: '512Mi' } },
  small: { requests: { cpu: '20m', memory: '96Mi' }, limits: { cpu: '250m', memory: '256Mi' } },
};

/** Secret keys mounted as files, and the `<KEY>_FILE` variable that names each (service-kit withFileSecrets). */
const SECRET_FILES = {
  common: { DATABASE_URL: 'database-url', NATS_PASSWORD: 'nats-password' },
  [GATEWAY.name]: { TOKEN_SECRET: 'token-secret', ACTOR_SIGNING_KEY: 'actor-signing-key' },
  'expert-management': { EXPERT_IDENTITY_KEY: 'expert-identity-key' },
  [AUDIT_CHECKPOINTER.name]: { AUDIT_SIGNING_KEY: 'audit-signing-key' },
};
const secretEnv = (name) =>
  Object.entries({ ...SECRET_FILES.common, ...(SECRET_FILES[name] ?? {}) }).map(([key, file]) => ({
    name: `${key}_FILE`,
    value: `${SECRETS_DIR}/${file}`,
  }));
/** The Secret each process reads, and only it (kubectl create secret generic firstset-<name> --from-file=…). */
export const secretNameOf = (name) => `firstset-${name}`;
export function secretKeysOf(name) {
  if (name === 'migrate') return ['admin-url', 'database-url'];
  const keys = [...Object.values(SECRET_FILES.common), ...Object.values(SECRET_FILES[name] ?? {})];
  // The signer verifies no actor: it gets no actor key at all (scripts/services.mjs envOf).
  return name === AUDIT_CHECKPOINTER.name ? keys : [...keys, 'actor-verify-key'];
}

const podSecurity = {
  runAsNonRoot: true,
  runAsUser: 1000,
  runAsGroup: 1000,
  fsGroup: 1000,
  seccompProfile: { type: 'RuntimeDefault' },
};
const containerSecurity = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};
const secretVolume = (name) => ({
  name: 'secrets',
  // 0440 with fsGroup: readable by the node user (uid 1000) through its group, by no one else.
  secret: { secretName: secretNameOf(name), defaultMode: 0o440 },
});
const tmpVolume = { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } };
const baseMounts = [
  { name: 'secrets', mountPath: SECRETS_DIR, readOnly: true },
  { name: 'tmp', mountPath: '/tmp' },
];

function commonEnv(o) {
  return [
    { name: 'NODE_ENV', value: 'production' },
    { name: 'NATS_URL', value: `nats://${o.nats.release}:4222` },
    { name: 'JETSTREAM_REPLICAS', value: String(o.jetstreamReplicas) },
    { name: 'LOG_LEVEL', value: 'info' },
    { name: 'AUDIT_RETENTION_MONTHS', value: '6' },
  ];
}

function httpProbes(port, prefix) {
  const get = (path) => ({ httpGet: { path: `${prefix}/health/${path}`, port } });
  return {
    // Sealing pre-chain audit records and connecting to NATS happen before the port answers.
    startupProbe: { ...get('live'), periodSeconds: 5, failureThreshold: 60 },
    livenessProbe: { ...get('live'), periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
    // Ready only with PostgreSQL and NATS reachable (health-server.ts, the gateway's HealthController).
    readinessProbe: { ...get('ready'), periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
  };
}

function deployment(
  o,
  {
    name,
    image,
    command,
    env,
    ports,
    probes,
    resources,
    replicas,
    extraVolumes = [],
    extraMounts = [],
    labels = {},
  },
) {
  return new Deployment({
    metadata: { name, namespace: o.namespace, labels: labelsOf(name) },
    spec: {
      replicas,
      revisionHistoryLimit: 5,
      selector: { matchLabels: { 'app.kubernetes.io/name': name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: labelsOf(name, labels) },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: podSecurity,
          terminationGracePeriodSeconds: 30,
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: { 'app.kubernetes.io/name': name } },
            },
          ],
          containers: [
            {
              name,
              image,
              imagePullPolicy: 'IfNotPresent',
              command,
              env,
              ports,
              resources,
              securityContext: containerSecurity,
              volumeMounts: [...baseMounts, ...extraMounts],
              ...probes,
            },
          ],
          volumes: [secretVolume(name), tmpVolume, ...extraVolumes],
        },
      },
    },
  });
}

const imageOf = (o, name) => `${o.registry}/${name}:${o.tag}`;
/** The whole workspace's image (Dockerfile): the jobs and the signer run scripts/ over every package. */
const platformImage = (o) => `${o.registry}/platform:${o.tag}`;

function serviceDeployment(o, svc) {
  return deployment(o, {
    name: svc.name,
    image: imageOf(o, svc.name),
    command: ['node', ...nodeArgsOf(svc.name), `apps/${svc.name}/dist/main.js`],
    env: [
      ...commonEnv(o),
      { name: 'HEALTH_PORT', value: String(svc.healthPort) },
      { name: 'NATS_USER', value: svc.name },
      ...secretEnv(svc.name),
      actorVerifyEnv,
    ],
    ports: [{ name: 'health', containerPort: svc.healthPort }],
    probes: httpProbes('health', ''),
    resources: RESOURCES.service,
    replicas: 2,
    labels: { ...USES_DB, ...USES_BUS },
  });
}
const actorVerifyEnv = { name: 'ACTOR_VERIFY_KEY_FILE', value: `${SECRETS_DIR}/actor-verify-key` };

function gatewayDeployment(o) {
  return deployment(o, {
    name: GATEWAY.name,
    image: imageOf(o, GATEWAY.name),
    command: ['node', ...nodeArgsOf(GATEWAY.name), `apps/${GATEWAY.name}/dist/main.js`],
    env: [
      ...commonEnv(o),
      { name: 'PORT', value: String(GATEWAY.port) },
      { name: 'HEALTH_PORT', value: String(o.gatewayHealthPort) },
      { name: 'NATS_USER', value: GATEWAY.name },
      { name: 'PUBLIC_BASE_URL', value: `https://${o.host}` },
      // One hop: the ingress controller.
      { name: 'TRUST_PROXY', value: '1' },
      { name: 'OBJECT_STORE_DIR', value: '/data/object-store' },
      // Every upload is scanned before it is stored; no verdict, no upload (ADR 0034).
      { name: 'CLAMD_HOST', value: 'clamav' },
      { name: 'CLAMD_PORT', value: String(o.clamd.port) },
      { name: 'CLAMD_STREAM_MAX_BYTES', value: String(o.clamd.streamMaxBytes) },
      ...secretEnv(GATEWAY.name),
      actorVerifyEnv,
    ],
    ports: [
      { name: 'http', containerPort: GATEWAY.port },
      { name: 'health', containerPort: o.gatewayHealthPort },
    ],
    probes: httpProbes('http', '/api'),
    resources: RESOURCES.gateway,
    replicas: 2,
    labels: { ...USES_DB, ...USES_BUS },
    // Uploaded materials: every replica shares the volume (ReadWriteMany), as in docker-compose.yml.
    extraVolumes: [{ name: 'objects', persistentVolumeClaim: { claimName: 'firstset-objects' } }],
    extraMounts: [{ name: 'objects', mountPath: '/data/object-store' }],
  });
}

function checkpointerDeployment(o) {
  return deployment(o, {
    name: AUDIT_CHECKPOINTER.name,
    image: platformImage(o),
    command: ['node', AUDIT_CHECKPOINTER.script],
    env: [
      ...commonEnv(o),
      { name: 'NATS_USER', value: AUDIT_CHECKPOINTER.name },
      { name: 'AUDIT_CHECKPOINT_INTERVAL_S', value: String(AUDIT_CHECKPOINTER.intervalSeconds) },
      { name: 'AUDIT_CHECKPOINT_NATS', value: '1' },
      { name: 'AUDIT_CHECKPOINT_FILE', value: '/data/audit/checkpoints.jsonl' },
      ...secretEnv(AUDIT_CHECKPOINTER.name),
    ],
    ports: [],
    // A loop without an HTTP port: a failed round is logged and retried (ADR 0027), a crash restarts it.
    probes: {},
    resources: RESOURCES.small,
    // One signer: two would sign every head twice (harmless, but noise in the stream).
    replicas: 1,
    labels: { ...USES_DB, ...USES_BUS },
    extraVolumes: [
      { name: 'checkpoints', persistentVolumeClaim: { claimName: 'firstset-audit-checkpoints' } },
    ],
    extraMounts: [{ name: 'checkpoints', mountPath: '/data/audit' }],
  });
}

/** Roles, migrations as the migration role, roles again (scripts/db-roles.mjs); named by the tag, since a Job is immutable. */
function migrateJob(o) {
  const name = `firstset-migrate-${o.tag.replace(/[^a-z0-9-]/g, '-')}`.slice(0, 63).replace(/-+$/, '');
  return new Job({
    metadata: { name, namespace: o.namespace, labels: labelsOf('migrate') },
    spec: {
      backoffLimit: 4,
      activeDeadlineSeconds: 900,
      ttlSecondsAfterFinished: 86400,
      template: {
        metadata: { labels: labelsOf('migrate', USES_DB) },
        spec: {
          restartPolicy: 'Never',
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: podSecurity,
          containers: [
            {
              name: 'migrate',
              image: platformImage(o),
              command: [
                'sh',
                '-c',
                'node scripts/db-roles.mjs && node scripts/migrate-all.mjs && node scripts/db-roles.mjs',
              ],
              env: [
                { name: 'NODE_ENV', value: 'production' },
                { name: 'DATABASE_ADMIN_URL_FILE', value: `${SECRETS_DIR}/admin-url` },
                // The migration role's URL: migrate-all runs as the owner of every schema.
                { name: 'DATABASE_URL_FILE', value: `${SECRETS_DIR}/database-url` },
                { name: 'DB_PASSWORDS_DIR', value: '/run/secrets/firstset-db-passwords' },
              ],
              resources: RESOURCES.small,
              securityContext: containerSecurity,
              volumeMounts: [
                { name: 'secrets', mountPath: SECRETS_DIR, readOnly: true },
                { name: 'db-passwords', mountPath: '/run/secrets/firstset-db-passwords', readOnly: true },
                { name: 'tmp', mountPath: '/tmp' },
              ],
            },
          ],
          volumes: [
            { name: 'secrets', secret: { secretName: secretNameOf('migrate'), defaultMode: 0o440 } },
            { name: 'db-passwords', secret: { secretName: 'firstset-db-passwords', defaultMode: 0o440 } },
            tmpVolume,
          ],
        },
      },
    },
  });
}

/** The database roles' passwords, one key per role (scripts/db-roles.mjs DB_PASSWORDS_DIR). */
export const DB_PASSWORD_KEYS = [
  'migrator',
  GATEWAY.name,
  ...SERVICES.map((s) => s.name),
  AUDIT_CHECKPOINTER.name,
];

function networkPolicies(o) {
  const np = (name, spec) =>
    new NetworkPolicy({ metadata: { name, namespace: o.namespace, labels: PART_OF }, spec });
  const nats = { 'app.kubernetes.io/name': 'nats', 'app.kubernetes.io/instance': o.nats.release };
  return [
    // Nothing in or out unless a policy below says so.
    np('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    np('allow-dns', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            },
          ],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    }),
    np('allow-database-egress', {
      podSelector: { matchLabels: USES_DB },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': o.database.namespace } },
              podSelector: { matchLabels: o.database.podLabels },
            },
          ],
          ports: [{ protocol: 'TCP', port: 5432 }],
        },
      ],
    }),
    np('allow-bus-egress', {
      podSelector: { matchLabels: USES_BUS },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: nats } }], ports: [{ protocol: 'TCP', port: 4222 }] }],
    }),
    // The gateway streams each upload to clamd, in its own namespace.
    np('allow-gateway-clamd-egress', {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': GATEWAY.name } },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': o.clamd.namespace } },
              podSelector: { matchLabels: o.clamd.podLabels },
            },
          ],
          ports: [{ protocol: 'TCP', port: o.clamd.port }],
        },
      ],
    }),
    // The gateway answers the ingress controller on its port, nothing else reaches any pod of ours.
    np('allow-gateway-ingress', {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': GATEWAY.name } },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': o.ingressNamespace } } },
          ],
          ports: [{ protocol: 'TCP', port: GATEWAY.port }],
        },
      ],
    }),
    // Prometheus scrapes /metrics on each app's health port, from its own namespace only (ADR 0037).
    np('allow-metrics-scrape', {
      podSelector: { matchLabels: PART_OF },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': o.monitoringNamespace } } }],
          ports: [o.gatewayHealthPort, ...SERVICES.map((s) => s.healthPort)].map((port) => ({ protocol: 'TCP', port })),
        },
      ],
    }),
    // The NATS servers: clients on 4222 from our processes, routes on 6222 among themselves.
    np('allow-nats', {
      podSelector: { matchLabels: nats },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        { from: [{ podSelector: { matchLabels: USES_BUS } }], ports: [{ protocol: 'TCP', port: 4222 }] },
        { from: [{ podSelector: { matchLabels: nats } }], ports: [{ protocol: 'TCP', port: 6222 }] },
      ],
      egress: [{ to: [{ podSelector: { matchLabels: nats } }], ports: [{ protocol: 'TCP', port: 6222 }] }],
    }),
  ];
}

/** Every object of the platform's namespace, in apply order. */
export function platformManifests(options = {}) {
  const o = {
    ...DEFAULTS,
    ...options,
    database: { ...DEFAULTS.database, ...options.database },
    nats: { ...DEFAULTS.nats, ...options.nats },
    clamd: { ...DEFAULTS.clamd, ...options.clamd },
  };
  const scalable = [GATEWAY.name, ...SERVICES.map((s) => s.name)];
  return [
    new Namespace({
      metadata: {
        name: o.namespace,
        labels: {
          ...PART_OF,
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'latest',
        },
      },
    }),
    // The database outside the namespace under the name the URLs use.
    new Service({
      metadata: { name: 'postgres', namespace: o.namespace, labels: PART_OF },
      spec: { type: 'ExternalName', externalName: o.database.host },
    }),
    // clamd outside the namespace, under the name the gateway uses.
    new Service({
      metadata: { name: 'clamav', namespace: o.namespace, labels: PART_OF },
      spec: { type: 'ExternalName', externalName: o.clamd.host },
    }),
    new PersistentVolumeClaim({
      metadata: { name: 'firstset-objects', namespace: o.namespace, labels: PART_OF },
      spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '500Gi' } } },
    }),
    new PersistentVolumeClaim({
      metadata: { name: 'firstset-audit-checkpoints', namespace: o.namespace, labels: PART_OF },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    }),
    ...networkPolicies(o),
    migrateJob(o),
    gatewayDeployment(o),
    ...SERVICES.map((s) => serviceDeployment(o, s)),
    checkpointerDeployment(o),
    new Service({
      metadata: { name: GATEWAY.name, namespace: o.namespace, labels: labelsOf(GATEWAY.name) },
      spec: {
        selector: { 'app.kubernetes.io/name': GATEWAY.name },
        ports: [{ name: 'http', port: GATEWAY.port, targetPort: 'http' }],
      },
    }),
    new Ingress({
      metadata: {
        name: GATEWAY.name,
        namespace: o.namespace,
        labels: labelsOf(GATEWAY.name),
        annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '2g' },
      },
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: [o.host], secretName: 'firstset-tls' }],
        rules: [
          {
            host: o.host,
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: GATEWAY.name, port: { name: 'http' } } },
                },
              ],
            },
          },
        ],
      },
    }),
    // The gateway and intake take the deadline rush (ADR 0007): they scale on CPU.
    ...[
      [GATEWAY.name, 2, 6],
      ['intake', 2, 8],
    ].map(
      ([name, min, max]) =>
        new HorizontalPodAutoscaler({
          metadata: { name, namespace: o.namespace, labels: labelsOf(name) },
          spec: {
            scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
            minReplicas: min,
            maxReplicas: max,
            metrics: [
              {
                type: 'Resource',
                resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
              },
            ],
            behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
          },
        }),
    ),
    ...scalable.map(
      (name) =>
        new PodDisruptionBudget({
          metadata: { name, namespace: o.namespace, labels: labelsOf(name) },
          spec: {
            minAvailable: 1,
            selector: { matchLabels: { 'app.kubernetes.io/name': name } },
            unhealthyPodEvictionPolicy: 'AlwaysAllow',
          },
        }),
    ),
  ];
}
