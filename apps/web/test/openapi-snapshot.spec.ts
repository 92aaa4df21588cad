import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// The typed client is generated from the committed openapi.json; this fails when the gateway's
// document has moved on (run `npm run generate:api -w @firstset/web`). Needs apps/gateway built.
it('the committed OpenAPI snapshot matches what the gateway describes', () => {
  const script = join(__dirname, '..', 'scripts', 'openapi.mjs');
  const out = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  expect(out).toContain('matches');
});

// A body class derived from a contract but not registered for schema generation comes out as an
// empty object, and the generated client then takes no body at all for that route.
it('every request body has a schema with its fields', () => {
  const doc = JSON.parse(readFileSync(join(__dirname, '..', 'src', 'api', 'generated', 'openapi.json'), 'utf8'));
  const empty: string[] = [];
  for (const [path, ops] of Object.entries<Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const ref = op.requestBody?.content?.['application/json']?.schema?.$ref;
      if (!ref) continue;
      const schema = doc.components.schemas[ref.split('/').pop()!];
      if (!schema || Object.keys(schema.properties ?? {}).length === 0) empty.push(`${method.toUpperCase()} ${path}`);
    }
  }
  expect(empty).toEqual([]);
});
