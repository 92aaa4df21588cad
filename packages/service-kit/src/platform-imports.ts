import { DynamicModule } from '@nestjs/common';
import { streamSpecs } from '@firstset/contracts';
import { MessagingModule, SqlExecutor } from '@firstset/messaging';
import { ConfigError, natsAuthOf, ServiceConfig } from './config';
import { PrismaLike, prismaTransactionRunner } from './prisma';
import { AuditLogModule } from './audit-log';
import { ServiceKitModule } from './service-kit.module';
import { PRISMA } from './tokens';

/**
 * The imports every event-driven service starts with: the kit (config, Prisma, clock, audit,
 * commands, health, the audit log's query) and messaging on the same Prisma client, with every event stream ensured.
 */
export function platformImports<Tx extends SqlExecutor>(
  config: ServiceConfig,
  createPrisma: (config: ServiceConfig) => PrismaLike<Tx>,
): DynamicModule[] {
  if (!config.actorVerifyKey) {
    throw new ConfigError("ACTOR_VERIFY_KEY is required: the gateway's public key that signs every request (./run up generates one)");
  }
  return [
    ServiceKitModule.forRoot({ config, createPrisma }),
    // Every service answers the audit log's query with the one handler (ADR 0028).
    AuditLogModule.forService(config.serviceName),
    MessagingModule.forRootAsync({
      inject: [PRISMA],
      useFactory: (prisma: PrismaLike<Tx>) => ({
        serviceName: config.serviceName,
        natsUrl: config.natsUrl,
        natsAuth: natsAuthOf(config),
        namespace: config.natsNamespace,
        dbSchema: config.dbSchema,
        streams: streamSpecs(),
        streamOverrides: config.streamOverrides,
        transactionRunner: prismaTransactionRunner(prisma),
        actorVerifyKey: config.actorVerifyKey,
      }),
    }),
  ];
}
