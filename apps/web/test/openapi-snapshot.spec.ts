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
  const doc = JSON.parse(readFileSync(join(__dirname, '..', 'src', 'shared', 'api', 'generated', 'openapi.json'), 'utf8'));
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

type Content = Record<string, { schema?: { $ref?: string; type?: string; format?: string } }>;
type Operation = { responses?: Record<string, { content?: Content }> };

/** The routes' success responses that say nothing: no 2xx, or a 2xx body without a schema. */
function undocumentedSuccesses(doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } }): string[] {
  const missing: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const route = `${method.toUpperCase()} ${path}`;
      const successes = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) missing.push(`${route}: no success response`);
      for (const [status, response] of successes) {
        // 204 and HEAD answer without a body by definition.
        if (status === '204' || method === 'head') continue;
        const schemas = Object.values(response.content ?? {}).map((c) => c.schema);
        if (schemas.length === 0) missing.push(`${route} ${status}: no body schema`);
        for (const schema of schemas) {
          const target = schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema;
          if (!target || Object.keys(target).length === 0) missing.push(`${route} ${status}: empty schema ${schema?.$ref ?? ''}`);
        }
      }
    }
  }
  return missing;
}

// The typed client's response types come from these: a route without one would be typed `never`/unknown.
it('every route documents its success response with a schema that says something', () => {
  const doc = JSON.parse(readFileSync(join(__dirname, '..', 'src', 'shared', 'api', 'generated', 'openapi.json'), 'utf8'));
  expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
  expect(undocumentedSuccesses(doc)).toEqual([]);
  // Downloads are binary, and every operation's 4xx is problem details.
  expect(doc.paths['/api/preliminary-review/summaries/{batchId}/letter.pdf'].get.responses['200'].content['application/pdf'].schema).toEqual({ type: 'string', format: 'binary' });
  expect(doc.paths['/api/applications/{id}'].get.responses['4XX'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/ProblemDetailsV1');
});

it('the check catches a route without a success response and one with an empty schema', () => {
  const doc = {
    components: { schemas: { Empty: {}, Full: { type: 'object', properties: { id: { type: 'string' } } } } },
    paths: {
      '/a': { get: { responses: { '4XX': {} } } },
      '/b': { get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Empty' } } } } } } },
      '/c': { post: { responses: { '201': {} } } },
      '/d': { get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Full' } } } } } } },
      '/e': { delete: { responses: { '204': {} } } },
    },
  };
  expect(undocumentedSuccesses(doc)).toEqual([
    'GET /a: no success response',
    'GET /b 200: empty schema #/components/schemas/Empty',
    'POST /c 201: no body schema',
  ]);
});

// The pages pass query strings through the typed client (params.query): the routes they page and
// filter must have their query in the document, each parameter with a type.
it('the paged and filtered GETs document their query parameters, each typed', () => {
  const doc = JSON.parse(readFileSync(join(__dirname, '..', 'src', 'shared', 'api', 'generated', 'openapi.json'), 'utf8'));
  const queryOf = (path: string) => (doc.paths[path].get.parameters as Array<{ name: string; in: string; schema?: { type?: string } }>).filter((p) => p.in === 'query');
  for (const path of ['/api/applications', '/api/notifications', '/api/preliminary-review/queue/search', '/api/reviews/search', '/api/commissions', '/api/experts', '/api/institutions']) {
    expect(queryOf(path).map((p) => p.name)).toEqual(expect.arrayContaining(['page', 'pageSize']));
  }
  const untyped = Object.entries<Record<string, { parameters?: Array<{ name: string; in: string; schema?: { type?: string } }> }>>(doc.paths)
    .flatMap(([path, ops]) => (ops.get?.parameters ?? []).filter((p) => p.in === 'query' && !p.schema?.type).map((p) => `${path}?${p.name}`));
  expect(untyped).toEqual([]);
});
