import { INestApplication, Type } from '@nestjs/common';
import { PARAMTYPES_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject, ParameterObject, SchemaObject } from '@nestjs/swagger';

/** A route whose handler validates its query string with a DTO class: `@Query() query: SomeDto`. */
export interface QueryRoute {
  operationId: string;
  dto: Type<unknown>;
}

type ToSchema = (dto: Type<unknown>) => SchemaObject;

/**
 * The handlers that take their query as a whole DTO, keyed by the operation id Swagger gives them
 * by default (`Controller_method`). A named `@Query('x')` is refused: it would bypass the DTO and
 * be documented as a bare string, so the query would have two ways to be described.
 */
export function queryRoutes(app: INestApplication): QueryRoute[] {
  const routes = new Map<string, QueryRoute>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const args: Record<string, { index: number; data?: unknown }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {};
        const queries = Object.entries(args).filter(([key]) => key.split(':')[0] === String(RouteParamtypes.QUERY));
        if (queries.length === 0) continue;
        const operationId = `${controller.name}_${method}`;
        if (queries.length > 1 || queries[0][1].data !== undefined) {
          throw new Error(`${operationId}: take the query as one DTO, \`@Query() query: SomeDto\`, so that the OpenAPI document describes it`);
        }
        const dto = (Reflect.getMetadata(PARAMTYPES_METADATA, controller.prototype, method) as Type<unknown>[])[queries[0][1].index];
        if (!dto || dto === Object) throw new Error(`${operationId}: the query's type is not a class; the OpenAPI document cannot describe it`);
        if (routes.has(operationId)) throw new Error(`${operationId}: two controllers share the name; their operations cannot be told apart`);
        routes.set(operationId, { operationId, dto });
      }
    }
  }
  return [...routes.values()];
}

/** One `in: query` parameter per property of the DTO's schema, required as the validators say. */
export function queryParameters(schema: SchemaObject): ParameterObject[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as SchemaObject;
    return { name, in: 'query', required: required.has(name), schema: rest, ...(description ? { description } : {}) };
  });
}

/**
 * Adds the query parameters of every route in `routes` to its operation in the document, from the
 * DTO's class-validator schema (`toSchema`, the generator of the request bodies). Fails when a route
 * has no operation: its query would silently go undocumented.
 */
export function documentQueries(document: OpenAPIObject, routes: QueryRoute[], toSchema: ToSchema): void {
  const byId = new Map(routes.map((r) => [r.operationId, r]));
  const seen = new Set<string>();
  for (const item of Object.values(document.paths)) {
    for (const op of [item.get, item.put, item.post, item.delete, item.patch, item.head]) {
      const route = op?.operationId ? byId.get(op.operationId) : undefined;
      if (!op || !route) continue;
      seen.add(route.operationId);
      const own = (op.parameters ?? []).filter((p) => !('in' in p && p.in === 'query'));
      op.parameters = [...own, ...queryParameters(toSchema(route.dto))];
    }
  }
  const missing = routes.filter((r) => !seen.has(r.operationId)).map((r) => r.operationId);
  if (missing.length) throw new Error(`no OpenAPI operation for the query routes ${missing.join(', ')}`);
}
