import { INestApplication, Type } from '@nestjs/common';
import { loadServiceConfig, ServiceConfig, startService } from '@firstset/service-kit';
import { migrateService, natsCredentialsOf, schemaOf, TestEnv } from './test-env';

export interface RunningService {
  app: INestApplication;
  config: ServiceConfig;
  close(): Promise<void>;
}

/**
 * Migrates and starts one service inside the test process, on the run's schema and namespace,
 * with a controllable clock, exactly as `main.ts` starts it (both transports). Used by a
 * service's integration tests; the end-to-end test starts real processes instead.
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
      ACTOR_VERIFY_KEY: env.actorVerifyKey,
    },
  );
  const app = await startService(moduleFor(config), ['error']);
  return { app, config, close: () => app.close() };
}
