// Generates a service's Prisma 7 client (src/generated/prisma) offline. The Prisma CLI tries to
// download its native schema engine on every command even though `generate` never uses it; the
// variable below points it at a harmless executable instead (docs/adr/0003-prisma-offline.md).
// Skips the work when schema.prisma has not changed since the last generation.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const cwd = process.cwd();
const schema = readFileSync(join(cwd, 'prisma', 'schema.prisma'));
const require = createRequire(join(cwd, 'package.json'));
const prismaPkg = require.resolve('prisma/package.json');
const version = JSON.parse(readFileSync(prismaPkg, 'utf8')).version;
const hash = createHash('sha256').update(schema).update(version).digest('hex');
const stamp = join(cwd, 'src', 'generated', 'prisma', '.schema-hash');
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) process.exit(0);

execFileSync(process.execPath, [join(prismaPkg, '..', 'build', 'index.js'), 'generate'], {
  cwd,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
writeFileSync(stamp, hash);
