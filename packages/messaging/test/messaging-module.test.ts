import { randomUUID } from 'node:crypto';
import { Injectable, Module, type INestApplicationContext, type OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  EventConsumers,
  MessagingHealth,
  MessagingModule,
  Outbox,
  OutboxRelay,
  RpcClient,
  RpcServer,
  type TransactionRunner,
} from '../src';
import type { PgExecutor } from '../src/testing';
import {
  ApplicationSubmittedV1,
  SubmitApplicationV1,
  submittedPayload,
  type SubmitApplicationV1Dto,
} from './support/contracts';
import { NATS_URL, TestEnv, waitFor } from './support/env';

/** Stands in for a service's database module (its Prisma service). */
@Injectable()
class Database {
  static env: TestEnv;
  readonly transaction: TransactionRunner<PgExecutor> = Database.env.runner;
}

@Module({ providers: [Database], exports: [Database] })
class DatabaseModule {}

/** What a service's handlers/ and use cases look like on top of the module. */
@Injectable()
class IntakeHandlers implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly events: EventConsumers<PgExecutor>,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    private readonly db: Database,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.rpc.handle(SubmitApplicationV1, (payload, meta) => this.submit(payload, meta.requestId));
    this.events.register(ApplicationSubmittedV1, {
      durable: 'intake-self-projection',
      handler: async (payload, tx) => {
        await tx.$executeRawUnsafe(
          `INSERT INTO ${Database.env.table('projection')} (application_id) VALUES ($1)`,
          payload.applicationId,
        );
      },
    });
  }

  /** A use case: state change and event in one transaction, then a nudge. */
  private async submit(payload: SubmitApplicationV1Dto, requestId: string): Promise<{ eventId: string }> {
    const eventId = await this.db.transaction((tx) =>
      this.outbox.append(tx, ApplicationSubmittedV1, submittedPayload(payload.applicationId), { requestId }),
    );
    this.relay.nudge();
    return { eventId };
  }
}

describe('MessagingModule: wiring in a Nest application', () => {
  let env: TestEnv;
  let app: INestApplicationContext;

  beforeAll(async () => {
    env = await TestEnv.create();
    Database.env = env;
    await env.pool.query(`CREATE TABLE ${env.table('projection')} (application_id text NOT NULL)`);
    const moduleRef = await Test.createTestingModule({
      imports: [
        MessagingModule.forRootAsync<PgExecutor>({
          inject: [Database],
          useFactory: (db: Database) => ({
            serviceName: 'intake',
            natsUrl: NATS_URL,
            namespace: env.namespace,
            dbSchema: env.schema,
            streams: [{ name: 'INTAKE_EVENTS', subjects: [ApplicationSubmittedV1.subject] }],
            transactionRunner: db.transaction,
          }),
          imports: [DatabaseModule],
        }),
        DatabaseModule,
      ],
      providers: [IntakeHandlers],
    }).compile();
    app = await moduleRef.init();
  });

  afterAll(async () => {
    await app?.close();
    await env.close();
  });

  it('connects, creates the streams, serves a command whose event reaches a durable consumer', async () => {
    expect(await app.get(MessagingHealth).check()).toEqual({ nats: 'up' });
    const info = await env.jsm.streams.info(env.stream('INTAKE_EVENTS'));
    expect(info.config.subjects).toEqual([`${env.namespace}.${ApplicationSubmittedV1.subject}`]);

    const reply = await app.get(RpcClient).request<{ eventId: string }>(
      SubmitApplicationV1,
      { applicationId: 'app-nest', category: 'equipment' },
      {
        requestId: randomUUID(),
      },
    );
    expect(reply.eventId).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(
      async () => {
        const r = await env.pool.query(`SELECT application_id FROM ${env.table('projection')}`);
        return r.rows.length === 1 && r.rows[0].application_id === 'app-nest';
      },
      'the projection row',
      5000,
    );
  });

  it('drains on shutdown and then reports NATS down', async () => {
    const health = app.get(MessagingHealth);
    await app.close();
    expect(await health.check()).toEqual({ nats: 'down' });
  });
});
