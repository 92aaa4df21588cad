import { randomUUID } from 'node:crypto';
import { Controller, Injectable, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  Answers,
  Consumes,
  generateActorKeys,
  JetStreamServer,
  MessagingHealth,
  MessagingModule,
  NatsRpcServer,
  Outbox,
  OutboxRelay,
  ServiceClient,
  type MessageMeta,
  type TransactionRunner,
} from '../src';
import type { PgExecutor } from '../src/testing';
import {
  ApplicationSubmittedV1,
  SubmitApplicationV1,
  submittedPayload,
  type ApplicationSubmittedV1Dto,
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

/** What a service's controller and use case look like on top of the module. */
@Controller()
class IntakeController {
  constructor(
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    private readonly db: Database,
  ) {}

  @Answers(SubmitApplicationV1)
  submit(payload: SubmitApplicationV1Dto, meta: MessageMeta) {
    return this.submitApplication(payload, meta.requestId);
  }

  @Consumes(ApplicationSubmittedV1, { durable: 'intake-self-projection' })
  async project(payload: ApplicationSubmittedV1Dto, tx: PgExecutor): Promise<void> {
    await tx.$executeRawUnsafe(`INSERT INTO ${Database.env.table('projection')} (application_id) VALUES ($1)`, payload.applicationId);
  }

  /** A use case: state change and event in one transaction, then a nudge. */
  private async submitApplication(payload: SubmitApplicationV1Dto, requestId: string): Promise<{ eventId: string }> {
    const eventId = await this.db.transaction((tx) =>
      this.outbox.append(tx, ApplicationSubmittedV1, submittedPayload(payload.applicationId), { requestId }),
    );
    this.relay.nudge();
    return { eventId };
  }
}

describe('MessagingModule: wiring in a Nest application', () => {
  let env: TestEnv;
  let app: INestApplication;
  const keys = generateActorKeys();

  beforeAll(async () => {
    env = await TestEnv.create();
    Database.env = env;
    await env.pool.query(`CREATE TABLE ${env.table('projection')} (application_id text NOT NULL)`);
    @Module({
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
            actorVerifyKey: keys.verifyKey,
            actorSigningKey: keys.signingKey,
          }),
          imports: [DatabaseModule],
        }),
        DatabaseModule,
      ],
      controllers: [IntakeController],
    })
    class ServiceModule {}
    // A hybrid application with both transports, as service-kit's startService builds one.
    app = await NestFactory.create(ServiceModule, { logger: false });
    app.connectMicroservice({ strategy: app.get(NatsRpcServer) });
    app.connectMicroservice({ strategy: app.get(JetStreamServer) });
    await app.init();
    await app.startAllMicroservices();
  });

  afterAll(async () => {
    await app?.close();
    await env.close();
  });

  it('connects, creates the streams, serves a command whose event reaches a durable consumer', async () => {
    expect(await app.get(MessagingHealth).check()).toEqual({ nats: 'up' });
    const info = await env.jsm.streams.info(env.stream('INTAKE_EVENTS'));
    expect(info.config.subjects).toEqual([`${env.namespace}.${ApplicationSubmittedV1.subject}`]);

    const reply = await app.get(ServiceClient).request(
      SubmitApplicationV1,
      { applicationId: 'app-nest', category: 'equipment' },
      {
        requestId: randomUUID(),
      },
    );
    expect((reply as { eventId: string }).eventId).toMatch(/^[0-9a-f-]{36}$/);
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
