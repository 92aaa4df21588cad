import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadServiceConfig, ServiceConfig } from '@firstset/service-kit';
import { migrateService, natsCredentialsOf, schemaOf, TestEnv } from './test-env';

export interface RunningService {
  app: INestApplicationContext;
  config: ServiceConfig;
  close(): Promise<void>;
}

/**
 * Migrates and starts one service inside the test process, on the run's schema and namespace,
 * with a controllable clock. Used by a service's integration tests; the end-to-end test starts
 * real processes instead.
 */
export async function startServiceInProcess(
  env: TestEnv,
  service: string,
  moduleFor: (config: ServiceConfig) => Type<unknown>,
): Promise<RunningService> {
  await migrateService(env, service);
  const config = loadServiceConfig(
    service,
    { healthPort: 0 },
    {
      DATABASE_URL: env.databaseUrl,
      DB_SCHEMA: schemaOf(env, service),
      NATS_URL: env.natsUrl,
      NATS_NAMESPACE: env.namespace,
      ...natsCredentialsOf(env, service),
      HEALTH_PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
      CLOCK_CONTROL: '1',
    },
  );
  const app = await NestFactory.createApplicationContext(moduleFor(config), { logger: ['error'] });
  await app.init();
  return { app, config, close: () => app.close() };
}
