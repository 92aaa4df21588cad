// The platform's processes: one place that names them, their ports and schemas.
export const SERVICES = [
  { name: 'intake', healthPort: 3101 },
  { name: 'preliminary-review', healthPort: 3102 },
  { name: 'expert-management', healthPort: 3103 },
  { name: 'publicity', healthPort: 3104 },
  { name: 'compliance', healthPort: 3105 },
];
export const GATEWAY = { name: 'gateway', port: 3000 };

/** Everything that owns a PostgreSQL schema (migrated in this order). */
export const SCHEMA_OWNERS = [GATEWAY.name, ...SERVICES.map((s) => s.name)];
