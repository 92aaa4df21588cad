import { Logger } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { MessagingConfig } from './config';
import type { Namespace } from './namespace';
import { line, systemRequestId } from './log';

/**
 * One NATS connection per service instance, with its JetStream client and manager. Created (and
 * connected) by the module's async provider, drained when the application shuts down.
 */
export class NatsClient {
  private readonly logger = new Logger('Messaging');
  private closing: Promise<void> | undefined;

  private constructor(
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly ns: Namespace,
  ) {}

  static async connect(config: Pick<MessagingConfig, 'natsUrl' | 'serviceName' | 'ns'> & Partial<Pick<MessagingConfig, 'natsAuth'>>): Promise<NatsClient> {
    const nc = await connect({
      servers: config.natsUrl,
      name: config.ns.prefix ? `${config.serviceName}@${config.ns.prefix}` : config.serviceName,
      maxReconnectAttempts: -1,
      // No Error built per request for its stack (a fifth of the gateway's NATS time); ours are typed.
      noAsyncTraces: true,
      // The service's own user (ADR 0013); a server without authorization ignores them.
      ...(config.natsAuth ? { user: config.natsAuth.user, pass: config.natsAuth.pass } : {}),
    });
    const jsm = await jetstreamManager(nc);
    const client = new NatsClient(nc, jetstream(nc), jsm, config.ns);
    client.logger.log(
      line(systemRequestId(), 'connected to NATS', { server: nc.getServer(), service: config.serviceName }),
    );
    return client;
  }

  /** Stops new work and waits for in-flight subscriptions to finish, then closes. Idempotent. */
  drain(): Promise<void> {
    this.closing ??= (async () => {
      if (this.nc.isClosed()) return;
      try {
        await this.nc.drain();
      } catch (err) {
        if (!this.nc.isClosed()) await this.nc.close();
        this.logger.warn(
          line(systemRequestId(), 'NATS drain failed; connection closed', { error: String(err) }),
        );
      }
    })();
    return this.closing;
  }
}
