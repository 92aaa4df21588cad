// The platform's processes: one place that names them, their ports and schemas.
export const SERVICES = [
  { name: 'intake', healthPort: 3101 },
  { name: 'preliminary-review', healthPort: 3102 },
  { name: 'expert-management', healthPort: 3103 },
  { name: 'publicity', healthPort: 3104 },
  { name: 'compliance', healthPort: 3105 },
];
// The gateway streams uploads of up to 2 GiB: a small young generation keeps its memory flat while
// a large file passes (peak RSS 179 MiB against 236 MiB with Node's default; docs/benchmarks.md).
export const GATEWAY = { name: 'gateway', port: 3000, nodeArgs: ['--max-semi-space-size=2'] };

/** Node flags of a process by name (none for the services). */
export const nodeArgsOf = (name) => (name === GATEWAY.name ? GATEWAY.nodeArgs : []);

/** Everything that owns a PostgreSQL schema (migrated in this order). */
export const SCHEMA_OWNERS = [GATEWAY.name, ...SERVICES.map((s) => s.name)];
