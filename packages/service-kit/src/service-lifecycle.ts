import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Server } from 'node:http';
import { MessagingHealth, NatsClient, NatsRpcServer, SqlExecutor } from '@firstset/messaging';
import { healthCheckContract } from '@firstset/contracts';
import { chainLegacyAuditRecords } from './audit-chain';
import { Clock, ControllableClock } from './clock';
import { ServiceConfig } from './config';
import { Probe, runProbes, startHealthServer } from './health-server';
import { PrismaLike } from './prisma';
import { PRISMA, SERVICE_CONFIG } from './tokens';
import { flushTracing } from './tracing';

/** Test-only subject that moves the clock of every service started with CLOCK_CONTROL=1. */
export const CLOCK_SET_SUBJECT = 'ops.clock.set';

/**
 * Health endpoints (HTTP for orchestrators, NATS for the gateway's aggregate view) and, in test
 * deployments only, the clock control subscription.
 */
@Injectable()
export class ServiceLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Service');
  private server?: Server;
  private readonly probes: Record<string, Probe>;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(PRISMA) private readonly prisma: PrismaLike<SqlExecutor>,
    private readonly messagingHealth: MessagingHealth,
    // Null in the gateway, which signs requests and answers none over NATS.
    @Optional() @Inject(NatsRpcServer) private readonly rpc: NatsRpcServer | null,
    private readonly nats: NatsClient,
    private readonly clock: Clock,
  ) {
    this.probes = {
      postgres: async () => {
        await prisma.$queryRawUnsafe('SELECT 1');
      },
      nats: async () => {
        const status = await this.messagingHealth.check();
        if (status.nats !== 'up') throw new Error('NATS does not answer');
      },
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    // Before the transports listen (startService): records written before the audit chain existed
    // are chained once, so every command's record follows them (ADR 0027).
    const sealed = await this.prisma.$transaction((tx) => chainLegacyAuditRecords(tx, this.config.dbSchema), { timeout: 300_000, maxWait: 30_000 });
    if (sealed > 0) this.logger.log(`chained ${sealed} audit records written before the audit chain`);
    const { server, port } = await startHealthServer(this.config.serviceName, this.config.healthPort, this.probes);
    this.server = server;
    // Before the transports listen (startService), so the health subject is bound with the rest.
    this.rpc?.answer(healthCheckContract(this.config.serviceName).subject, () => runProbes(this.config.serviceName, this.probes));
    if (this.clock instanceof ControllableClock) {
      const clock = this.clock;
      this.nats.nc.subscribe(this.nats.ns.subject(CLOCK_SET_SUBJECT), {
        callback: (err, msg) => {
          if (err) return;
          try {
            clock.set(new Date(msg.string()));
            msg.respond(JSON.stringify({ ok: true, now: clock.now().toISOString() }));
          } catch (e) {
            msg.respond(JSON.stringify({ ok: false, error: (e as Error).message }));
          }
        },
      });
      this.logger.warn('CLOCK_CONTROL=1: this service clock can be moved over NATS (tests only)');
    }
    this.logger.log(`${this.config.serviceName} ready; health on :${port}/health/ready`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await flushTracing();
  }
}
