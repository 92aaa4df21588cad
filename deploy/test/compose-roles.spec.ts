import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// docker-compose.yml's share of ADR 0035 (its other checks are packages/e2e/test/compose.spec.ts).
const compose = parse(readFileSync(join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8'), {
  merge: true,
});

describe('docker-compose.yml database roles', () => {
  it('connects each process as its own role, with a password compose demands', async () => {
    const { SCHEMA_OWNERS, AUDIT_CHECKPOINTER } = await import('../../scripts/services.mjs');
    for (const name of [...SCHEMA_OWNERS, AUDIT_CHECKPOINTER.name] as string[]) {
      const variable = `DB_PASSWORD_${name.replace(/-/g, '_').toUpperCase()}`;
      expect(compose.services[name].environment.DATABASE_URL).toMatch(
        new RegExp(
          `^postgresql://firstset_${name.replace(/-/g, '_')}:\\$\\{${variable}:\\?[^}]+\\}@postgres:5432/firstset$`,
        ),
      );
      // The migrate job sets the role's password from the same variable.
      expect(compose.services.migrate.environment[variable]).toMatch(new RegExp(`^\\$\\{${variable}:\\?`));
    }
    expect(JSON.stringify(compose['x-app'].environment)).not.toMatch(/DATABASE_URL/);
  });

  it('migrates as the migration role between two runs of db-roles, seeding demo data as the administrator', () => {
    const migrate = compose.services.migrate;
    expect(migrate.command[2]).toMatch(
      /^node scripts\/db-roles\.mjs && node scripts\/migrate-all\.mjs && node scripts\/db-roles\.mjs && /,
    );
    expect(migrate.command[2]).toMatch(/DATABASE_URL=\$\$DATABASE_ADMIN_URL node scripts\/seed-demo\.mjs/);
    expect(migrate.environment.DATABASE_URL).toMatch(
      /^postgresql:\/\/firstset_migrator:\$\{DB_PASSWORD_MIGRATOR:\?/,
    );
    expect(migrate.environment.DATABASE_ADMIN_URL).toMatch(
      /^postgresql:\/\/firstset:[^@]+@postgres:5432\/firstset$/,
    );
  });
});
