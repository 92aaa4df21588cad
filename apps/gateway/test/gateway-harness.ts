import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { migrateService, schemaOf, TestEnv } from '@firstset/testing';
export { http } from '@firstset/testing';
import { createGatewayApp } from '../src/app';
import { AccountSeed, seedAccounts } from '../src/accounts/seed-accounts';
import { loadGatewayConfig } from '../src/config';
import { createPrisma } from '../src/prisma';

export interface RunningGateway {
  app: INestApplication;
  baseUrl: string;
  close(): Promise<void>;
}

/** The gateway in the test process on a free port, with the given accounts. */
export async function startGateway(
  env: TestEnv,
  accounts: AccountSeed[],
  extraEnv: Record<string, string> = {},
): Promise<RunningGateway> {
  await migrateService(env, 'gateway');
  const config = loadGatewayConfig({
    DATABASE_URL: env.databaseUrl,
    DB_SCHEMA: schemaOf(env, 'gateway'),
    NATS_URL: env.natsUrl,
    NATS_NAMESPACE: env.namespace,
    TOKEN_SECRET: env.tokenSecret,
    ACTOR_SIGNING_KEY: env.actorSigningKey,
    PORT: '0',
    HEALTH_PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...extraEnv,
  });
  const db = createPrisma(config);
  await seedAccounts(db, accounts);
  await db.$disconnect();
  const app = await createGatewayApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}/api`, close: () => app.close() };
}
