import { Controller, Get, INestApplication, Module, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { OpenAPIObject, ParameterObject } from '@nestjs/swagger';
import { getMetadataStorage, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { loadGatewayConfig } from '../config';
import { gatewayModule } from '../gateway.module';
import { buildOpenApi } from './openapi';
import { documentQueries, queryRoutes } from './query-parameters';

// The gateway's document as the web's client generator sees it: Nest's preview mode, nothing
// connected, nothing listening.
async function previewApp(module: unknown): Promise<INestApplication> {
  const app = await NestFactory.create(module as never, { preview: true, logger: false, bodyParser: false });
  app.setGlobalPrefix('api');
  return app;
}

const queryOf = (doc: OpenAPIObject, path: string): Record<string, ParameterObject> =>
  Object.fromEntries(((doc.paths[path]?.get?.parameters ?? []) as ParameterObject[]).filter((p) => p.in === 'query').map((p) => [p.name, p]));

describe('the OpenAPI document describes every GET query from its DTO', () => {
  let app: INestApplication;
  let doc: OpenAPIObject;

  beforeAll(async () => {
    const config = loadGatewayConfig({
      DATABASE_URL: 'postgresql://unused@127.0.0.1/unused',
      PORT: '3000',
      LOG_LEVEL: 'silent',
      TOKEN_SECRET: randomBytes(32).toString('hex'),
      ACTOR_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    });
    app = await previewApp(gatewayModule(config));
    doc = buildOpenApi(app, 'http://127.0.0.1:3000');
  });
  afterAll(() => app.close());

  it('the review queue search: its filters (M7.2) and paging (M7.3), typed as the validators say', () => {
    const q = queryOf(doc, '/api/preliminary-review/queue/search');
    expect(Object.keys(q).sort()).toEqual(['attention', 'batchId', 'catalogueEntryCode', 'page', 'pageSize', 'productKind', 'search', 'sort', 'state']);
    expect(Object.values(q).every((p) => p.required === false)).toBe(true);
    expect(q.batchId.schema).toEqual({ type: 'string', format: 'uuid' });
    expect(q.state.schema).toMatchObject({ type: 'string', enum: expect.arrayContaining(['SUBMITTED', 'RETURNED_FOR_CORRECTION', 'WITHDRAWN']) });
    expect(q.productKind.schema).toMatchObject({ type: 'string', enum: ['FIRST_SET_EQUIPMENT', 'FIRST_BATCH_COMPONENT', 'FIRST_BATCH_MATERIAL'] });
    expect(q.attention.schema).toEqual({ type: 'string', enum: ['unclaimed', 'overdue'] });
    expect(q.sort.schema).toEqual({ type: 'string', enum: ['longest', 'shortest'] });
    expect(q.catalogueEntryCode.schema).toEqual({ type: 'string', pattern: '^[A-Za-z0-9._-]{1,50}$' });
    expect(q.search.schema).toEqual({ type: 'string', maxLength: 100 });
    expect(q.page.schema).toEqual({ type: 'integer', minimum: 1, maximum: 10000 });
    expect(q.pageSize.schema).toEqual({ type: 'integer', minimum: 1, maximum: 100 });
  });

  it('the enterprise\'s applications list and inbox: paging, search and the unread filter', () => {
    const apps = queryOf(doc, '/api/applications');
    expect(Object.keys(apps).sort()).toEqual(['page', 'pageSize', 'search', 'state']);
    expect(apps.pageSize).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } });
    expect(queryOf(doc, '/api/notifications').unreadOnly.schema).toEqual({ type: 'boolean' });
    // The summary's query is a gateway DTO: a division code and the supplement's number.
    const summary = queryOf(doc, '/api/preliminary-review/summaries/{batchId}');
    expect(summary.prefectureId.schema).toEqual({ type: 'string', pattern: '^\\d{6}$' });
    expect(summary.sequence.schema).toEqual({ type: 'integer', minimum: 0, maximum: 99 });
    // Path parameters stay as Swagger documented them.
    expect((doc.paths['/api/preliminary-review/summaries/{batchId}'].get!.parameters as ParameterObject[]).find((p) => p.in === 'path')?.name).toBe('batchId');
  });

  it('every route whose handler takes a query DTO has each validated field as a query parameter', () => {
    const routes = queryRoutes(app);
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const byOperation = new Map<string, string[]>();
    for (const item of Object.values(doc.paths)) {
      for (const op of [item.get, item.put, item.post, item.delete, item.patch]) {
        if (op?.operationId) byOperation.set(op.operationId, ((op.parameters ?? []) as ParameterObject[]).filter((p) => p.in === 'query').map((p) => p.name).sort());
      }
    }
    const missing: string[] = [];
    for (const { operationId, dto } of routes) {
      // The fields the ValidationPipe checks, read from class-validator itself (inherited ones included).
      const fields = [...new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).map((m) => m.propertyName))].sort();
      expect(fields.length).toBeGreaterThan(0);
      if (JSON.stringify(byOperation.get(operationId)) !== JSON.stringify(fields)) missing.push(`${operationId}: ${byOperation.get(operationId)} ≠ ${fields}`);
    }
    expect(missing).toEqual([]);
  });
});

class RangeQuery {
  @IsUUID() batchId!: string;
  @IsOptional() @IsInt() @Min(2) @Max(9) size?: number;
}

describe('query parameters from a DTO', () => {
  it('are required exactly when the validators require them', async () => {
    @Controller('things')
    class ThingsController {
      @Get() list(@Query() query: RangeQuery) {
        return query;
      }
    }
    @Module({ controllers: [ThingsController] })
    class ThingsModule {}
    const app = await previewApp(ThingsModule);
    const q = queryOf(buildOpenApi(app, 'http://localhost'), '/api/things');
    await app.close();
    expect(q.batchId).toMatchObject({ required: true, schema: { type: 'string', format: 'uuid' } });
    expect(q.size).toMatchObject({ required: false, schema: { type: 'integer', minimum: 2, maximum: 9 } });
  });

  it('a named @Query(\'x\') is refused: the query is described by one DTO only', async () => {
    @Controller('loose')
    class LooseController {
      @Get() list(@Query('x') x: string) {
        return x;
      }
    }
    @Module({ controllers: [LooseController] })
    class LooseModule {}
    const app = await previewApp(LooseModule);
    expect(() => buildOpenApi(app, 'http://localhost')).toThrow(/LooseController_list: take the query as one DTO/);
    await app.close();
  });

  it('a query route without an operation in the document fails rather than going undocumented', () => {
    const doc = { openapi: '3.0.0', info: { title: '', version: '' }, paths: { '/a': { get: { operationId: 'A_a', responses: {} } } } } as OpenAPIObject;
    expect(() => documentQueries(doc, [{ operationId: 'B_b', dto: RangeQuery }], () => ({}))).toThrow(/B_b/);
  });
});
