// The platform's processes: one place that names them, their ports and schemas.
export const SERVICES = [
  { name: 'intake', healthPort: 3101 },
  { name: 'preliminary-review', healthPort: 3102 },
  { name: 'expert-management', healthPort: 3103 },
  { name: 'publicity', healthPort: 3104 },
  { name: 'compliance', healthPort: 3105 },
  // The dashboards' projection (ADR 0029).
  { name: 'oversight', healthPort: 3106 },
];
// The gateway streams uploads of up to 2 GiB: a small young generation keeps its memory flat while
// a large file passes (peak RSS 179 MiB against 236 MiB with Node's default; docs/benchmarks.md).
export const GATEWAY = { name: 'gateway', port: 3000, nodeArgs: ['--max-semi-space-size=2'] };

/**
 * The audit checkpoint signer (ADR 0027): signs every chain's head with SM2 at an interval and
 * keeps the checkpoints on JetStream and in a file, as its own NATS user holding the only copy of
 * the signing key.
 */
export const AUDIT_CHECKPOINTER = { name: 'audit-checkpoint', script: 'scripts/audit-checkpoint.mjs', intervalSeconds: 300 };

/** Node flags of a process by name (none for the services). */
export const nodeArgsOf = (name) => (name === GATEWAY.name ? GATEWAY.nodeArgs : []);

/** Everything that owns a PostgreSQL schema (migrated in this order). */
export const SCHEMA_OWNERS = [GATEWAY.name, ...SERVICES.map((s) => s.name)];

/**
 * A process's environment: the actor signing key (ADR 0015) goes to the gateway alone; services
 * get only the public half, so none of them could sign an actor. The audit signing key (ADR 0027)
 * goes to the checkpoint signer alone, which gets no actor key.
 */
export function envOf(name, env) {
  const { ACTOR_SIGNING_KEY: actorKey, AUDIT_SIGNING_KEY: auditKey, ...rest } = env;
  if (name === GATEWAY.name) return { ...rest, ...(actorKey ? { ACTOR_SIGNING_KEY: actorKey } : {}) };
  if (name === AUDIT_CHECKPOINTER.name) return { ...rest, ...(auditKey ? { AUDIT_SIGNING_KEY: auditKey } : {}) };
  return rest;
}

/** A throwaway actor key pair (benchmarks, previews) as the environment carries it. */
export async function throwawayActorKeys() {
  const { generateKeyPairSync } = await import('node:crypto');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    ACTOR_SIGNING_KEY: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    ACTOR_VERIFY_KEY: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}
