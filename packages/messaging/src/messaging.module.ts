import {
  Global,
  Inject,
  Injectable,
  Optional,
  Logger,
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OnApplicationShutdown,
  type OptionalFactoryDependency,
  type Provider,
} from '@nestjs/common';
import {
  MESSAGING_CONFIG,
  MESSAGING_OPTIONS,
  resolveMessagingConfig,
  type MessagingConfig,
  type MessagingModuleOptions,
} from './config';
import { EventConsumers } from './inbox-consumer';
import { line, systemRequestId } from './log';
import { MessagingHealth } from './messaging-health';
import { NatsClient } from './nats-client';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { JetStreamServer } from './events/jetstream.server';
import { NatsRpcServer } from './rpc/nats-rpc.server';
import { ServiceClient } from './rpc/service-client';
import { ServiceQueries } from './rpc/service-queries';
import { ensureStreams } from './streams';
import type { SqlExecutor } from './sql';

export interface MessagingModuleAsyncOptions<Tx extends SqlExecutor = SqlExecutor> {
  imports?: ModuleMetadata['imports'];
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
  // A method signature (bivariant), so `(prisma: PrismaService) => …` is accepted.
  useFactory(...args: unknown[]): MessagingModuleOptions<Tx> | Promise<MessagingModuleOptions<Tx>>;
}

/** Drains the NATS connection after every other provider has stopped (onModuleDestroy ran). */
@Injectable()
class MessagingShutdown implements OnApplicationShutdown {
  constructor(private readonly nats: NatsClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.nats.drain();
  }
}

async function connectAndEnsureStreams(config: MessagingConfig): Promise<NatsClient> {
  const client = await NatsClient.connect(config);
  // A pure requester (the gateway: no streams, no transactions, so no consumers) dead-letters
  // nothing and may not manage streams (ADR 0013).
  if (config.streams.length === 0 && !config.transactionRunner) return client;
  try {
    const results = await ensureStreams(client.jsm, config.ns, config.streams, config.streamOverrides);
    new Logger('Messaging').log(line(systemRequestId(), 'streams ensured', { streams: results }));
  } catch (err) {
    await client.drain();
    throw err;
  }
  return client;
}

const coreProviders: Provider[] = [
  {
    provide: MESSAGING_CONFIG,
    useFactory: (options: MessagingModuleOptions) => resolveMessagingConfig(options),
    inject: [MESSAGING_OPTIONS],
  },
  { provide: NatsClient, useFactory: connectAndEnsureStreams, inject: [MESSAGING_CONFIG] },
  MessagingShutdown,
  Outbox,
  OutboxRelay,
  EventConsumers,
  { provide: NatsRpcServer, useFactory: rpcServer, inject: [MESSAGING_CONFIG] },
  { provide: JetStreamServer, useFactory: (consumers: EventConsumers) => new JetStreamServer(consumers), inject: [EventConsumers] },
  { provide: ServiceClient, useFactory: serviceClient, inject: [MESSAGING_CONFIG] },
  ServiceQueries,
  MessagingHealth,
];

/** A service's command/query server; it cannot run without the gateway's key to check signatures. */
function rpcServer(config: MessagingConfig): NatsRpcServer | null {
  if (!config.actorVerifyKey) return null;
  return new NatsRpcServer({
    serviceName: config.serviceName,
    natsUrl: config.natsUrl,
    ns: config.ns,
    actorVerifyKey: config.actorVerifyKey,
    natsAuth: config.natsAuth,
  });
}

/** The gateway's signed client; only where the signing key is configured. */
function serviceClient(config: MessagingConfig): ServiceClient | null {
  if (!config.actorSigningKey) return null;
  return new ServiceClient({
    name: config.serviceName,
    natsUrl: config.natsUrl,
    ns: config.ns,
    actorSigningKey: config.actorSigningKey,
    timeoutMs: config.rpcTimeoutMs,
    natsAuth: config.natsAuth,
  });
}

/** Closes the signed client's connection with the application. */
@Injectable()
class ServiceClientShutdown implements OnApplicationShutdown {
  constructor(@Optional() @Inject(ServiceClient) private readonly client: ServiceClient | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client?.close();
  }
}

coreProviders.push(ServiceClientShutdown);

const exported = [
  MESSAGING_CONFIG,
  NatsClient,
  Outbox,
  OutboxRelay,
  EventConsumers,
  NatsRpcServer,
  JetStreamServer,
  ServiceClient,
  ServiceQueries,
  MessagingHealth,
];

/**
 * NATS request/reply, JetStream outbox relay and inbox consumers for one service. Global: import
 * it once in the service's root module. Connects (and ensures streams) while the app initialises;
 * the relay and consumers start on application bootstrap; everything drains on shutdown
 * (`app.close()`, or signals with `app.enableShutdownHooks()`).
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot<Tx extends SqlExecutor>(options: MessagingModuleOptions<Tx>): DynamicModule {
    return {
      module: MessagingModule,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, ...coreProviders],
      exports: exported,
    };
  }

  static forRootAsync<Tx extends SqlExecutor>(options: MessagingModuleAsyncOptions<Tx>): DynamicModule {
    return {
      module: MessagingModule,
      imports: options.imports ?? [],
      providers: [
        { provide: MESSAGING_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
        ...coreProviders,
      ],
      exports: exported,
    };
  }
}
