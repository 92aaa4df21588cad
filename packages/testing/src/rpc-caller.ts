import { randomUUID } from 'node:crypto';
import { connect, NatsConnection } from '@nats-io/transport-node';
import { ActorContext, MessageContract, metaToHeaders, ReplyEnvelope, RemoteServiceError } from '@firstset/messaging';
import { TestEnv } from './test-env';

/** Sends commands and queries to the services of a test run, as any actor. */
export class RpcCaller {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly env: TestEnv,
  ) {}

  static async connect(env: TestEnv): Promise<RpcCaller> {
    return new RpcCaller(await connect({ servers: env.natsUrl }), env);
  }

  /** The reply's data; a refusal throws RemoteServiceError with its code and status. */
  async request<T = unknown, P = unknown>(
    contract: MessageContract<P>,
    payload: P,
    actor?: ActorContext,
    extra: { idempotencyKey?: string } = {},
  ): Promise<T> {
    const reply = await this.nc.request(`${this.env.namespace}.${contract.subject}`, JSON.stringify(payload), {
      timeout: 10_000,
      headers: metaToHeaders({ requestId: randomUUID(), actor, ...extra }),
    });
    const envelope = reply.json<ReplyEnvelope<T>>();
    if (envelope.ok) return envelope.data;
    throw new RemoteServiceError(envelope.error, contract.subject);
  }

  /** The refusal a request gets (fails the test if the request succeeds). */
  async refusal<P>(contract: MessageContract<P>, payload: P, actor?: ActorContext, extra: { idempotencyKey?: string } = {}): Promise<RemoteServiceError> {
    try {
      await this.request(contract, payload, actor, extra);
    } catch (err) {
      if (err instanceof RemoteServiceError) return err;
      throw err;
    }
    throw new Error(`${contract.subject} was expected to be refused but succeeded`);
  }

  /** Moves the clock of every service of the run started with clock control. */
  async setClock(instant: Date): Promise<void> {
    await this.nc.request(`${this.env.namespace}.ops.clock.set`, instant.toISOString(), { timeout: 5000 });
  }

  async close(): Promise<void> {
    await this.nc.drain();
  }
}
