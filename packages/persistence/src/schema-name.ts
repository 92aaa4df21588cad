/** PostgreSQL schema names we create and quote ourselves: lower-case identifiers only. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(name: string): string {
  if (!SCHEMA_NAME.test(name)) {
    throw new Error(`invalid PostgreSQL schema name "${name}": use lower-case letters, digits and _ (max 63)`);
  }
  return name;
}

export const quoteIdent = (name: string) => `"${assertSchemaName(name)}"`;
