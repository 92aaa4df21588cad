import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const block = (text: string) => {
  const m = text.match(/\/\/ >>> platform tables[\s\S]*?\/\/ <<< platform tables/);
  return m?.[0];
};
const canonical = block(readFileSync(join(root, 'packages', 'persistence', 'platform.prisma'), 'utf8'));
const services = readdirSync(join(root, 'apps')).filter((a) => existsSync(join(root, 'apps', a, 'prisma', 'schema.prisma')));

describe('platform tables', () => {
  it('every service schema carries the canonical outbox, inbox, audit and idempotency tables verbatim', () => {
    expect(canonical).toBeDefined();
    expect(services.length).toBeGreaterThanOrEqual(1);
    for (const s of services) {
      const text = readFileSync(join(root, 'apps', s, 'prisma', 'schema.prisma'), 'utf8');
      expect({ service: s, block: block(text) }).toEqual({ service: s, block: canonical });
    }
  });

  it('every service first migration makes the audit log append-only', () => {
    for (const s of services) {
      const dir = join(root, 'apps', s, 'prisma', 'migrations');
      const first = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'migration.sql'))).sort()[0];
      const sql = readFileSync(join(dir, first, 'migration.sql'), 'utf8');
      expect({ service: s, trigger: /BEFORE UPDATE OR DELETE ON "audit_records"/.test(sql) }).toEqual({ service: s, trigger: true });
    }
  });
});
