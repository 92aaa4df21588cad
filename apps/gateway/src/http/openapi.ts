import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
// class-transformer's @Type metadata tells the schema generator what a nested array holds.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { DERIVED_BODIES } from '../routes/bodies';

/**
 * The OpenAPI document, with request schemas generated from the same class-validator DTOs that
 * validate the requests (contracts and gateway bodies): one source of truth, no hand-kept copy.
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
  };
  const schemas = validationMetadatasToSchemas(options);
  // Classes derived with OmitType carry their rules on an intermediate class: compute them by class.
  for (const body of DERIVED_BODIES) schemas[body.name] = targetConstructorToSchema(body, options);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas } } as never;
  return document;
}

export function serveOpenApi(app: INestApplication, serverUrl: string): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app, serverUrl), { jsonDocumentUrl: 'api/docs/openapi.json' });
}
