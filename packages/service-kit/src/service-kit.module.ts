import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { OutboxRelay, SqlExecutor } from '@firstset/messaging';
import { PolicyProfileRegistry } from '@firstset/domain';
import { AuditRecorder } from './audit';
import { Clock, ControllableClock, SystemClock } from './clock';
import { CommandRunner } from './command-runner';
import { Housekeeping } from './housekeeping';
import { IdempotencyStore } from './idempotency';
import { ServiceConfig } from './config';
import { PrismaLike, prismaTransactionRunner } from './prisma';
import { ServiceLifecycle } from './service-lifecycle';
import { PRISMA, SERVICE_CONFIG } from './tokens';

export interface ServiceKitOptions<Tx extends SqlExecutor> {
  config: ServiceConfig;
  /** Builds the service's own generated PrismaClient over @prisma/adapter-pg for config.dbSchema. */
  createPrisma: (config: ServiceConfig) => PrismaLike<Tx>;
}

@Injectable()
class PrismaShutdown implements OnApplicationShutdown {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaLike<SqlExecutor>) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
  }
}

/**
 * What every service shares, wired once: typed config, its Prisma client, the clock, the audit
 * recorder, the command runner (transaction + audit + outbox nudge) and the health endpoints.
 */
@Global()
@Module({})
export class ServiceKitModule {
  static forRoot<Tx extends SqlExecutor>(options: ServiceKitOptions<Tx>): DynamicModule {
    const clock = options.config.clockControl ? new ControllableClock() : new SystemClock();
    return {
      module: ServiceKitModule,
      providers: [
        { provide: SERVICE_CONFIG, useValue: options.config },
        { provide: PRISMA, useFactory: () => options.createPrisma(options.config) },
        { provide: Clock, useValue: clock },
        { provide: AuditRecorder, useFactory: () => new AuditRecorder(options.config.dbSchema, () => clock.now()) },
        {
          provide: CommandRunner,
          useFactory: (prisma: PrismaLike<Tx>, audit: AuditRecorder, relay: OutboxRelay) =>
            new CommandRunner(
              prismaTransactionRunner(prisma),
              audit,
              () => relay.nudge(),
              new IdempotencyStore(options.config.dbSchema),
            ),
          inject: [PRISMA, AuditRecorder, OutboxRelay],
        },
        // M15: every service judges an application by its batch's profile, looked up here.
        { provide: PolicyProfileRegistry, useValue: new PolicyProfileRegistry(options.config.policyProfiles) },
        PrismaShutdown,
        ServiceLifecycle,
        // Prunes published outbox rows, old inbox rows and idempotency records (ADR 0036).
        Housekeeping,
      ],
      exports: [SERVICE_CONFIG, PRISMA, Clock, AuditRecorder, CommandRunner, PolicyProfileRegistry, Housekeeping],
    };
  }
}
