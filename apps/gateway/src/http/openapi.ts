import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SchemaObject, SwaggerModule } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
// class-transformer's @Type metadata tells the schema generator what a nested array holds.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { REPLY_SCHEMAS } from '@firstset/contracts/reply-schemas';
import { DERIVED_BODIES } from '../routes/bodies';
import { replySchema } from './api-reply';
import { documentQueries, queryRoutes } from './query-parameters';

/**
 * The OpenAPI document, with request schemas generated from the same class-validator DTOs that
 * validate the requests (contracts and gateway bodies), and response schemas generated from the
 * contracts' reply types (REPLY_SCHEMAS): one source of truth each, no hand-kept copy. A GET's
 * query parameters come from the DTO its handler validates the query with, by the same generator.
 */
export function buildOpenApi(app: INestApplication, serverUrl: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('首台（套）/首批（次）认定平台 API')
    .setDescription(
      '内蒙古自治区首台（套）技术装备、关键零部件和新材料首批（次）认定。\n\n' +
        'Recognition of first-set equipment, key components and first-batch new materials. ' +
        'Errors are RFC 9457 problem details (application/problem+json) with a stable `code`.',
    )
    .setVersion('0.1.0')
    .addServer(serverUrl)
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const options = {
    classValidatorMetadataStorage: getMetadataStorage(),
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
    // The edge rules' own decorators (contracts' edge-rules.ts), as the schema states them.
    additionalConverters: {
      isLocalDate: { type: 'string' as const, format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      multilineText: { type: 'string' as const },
    },
  };
  const schemas = validationMetadatasToSchemas(options);
  // Classes derived with OmitType carry their rules on an intermediate class: compute them by class.
  for (const body of DERIVED_BODIES) schemas[body.name] = targetConstructorToSchema(body, options);
  // Request schemas win a shared name (FirstSaleV1…): they carry the validation rules.
  const replies = pointRefsAt(REPLY_SCHEMAS);
  document.components = { ...document.components, schemas: { ...replies, ...document.components?.schemas, ...schemas } } as never;
  documentQueries(document, queryRoutes(app), (dto) => targetConstructorToSchema(dto, options) as SchemaObject);
  documentProblems(document);
  return document;
}

/** ts-json-schema-generator points at `#/definitions/X`; in OpenAPI they live under components. */
function pointRefsAt(node: unknown): Record<string, object> {
  return JSON.parse(JSON.stringify(node).replaceAll('"#/definitions/', '"#/components/schemas/'));
}

/** Every operation may answer a 4xx with problem details (RFC 9457), whatever its route. */
function documentProblems(document: OpenAPIObject): void {
  const problem = {
    description: '请求有误（问题详情） / Client error, as problem details',
    content: { 'application/problem+json': { schema: replySchema('ProblemDetailsV1') } },
  };
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head'] as const) {
      const op = item[method];
      if (op) op.responses = { ...op.responses, '4XX': problem };
    }
  }
}

export function serveOpenApi(app: INestApplication, serverUrl: string): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app, serverUrl), { jsonDocumentUrl: 'api/docs/openapi.json' });
}
