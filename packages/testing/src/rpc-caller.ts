import { randomUUID } from 'node:crypto';
import { connect, NatsConnection } from '@nats-io/transport-node';
import { ActorContext, MessageContract, Namespace, RemoteServiceError, ServiceClient } from '@firstset/messaging';
import { TestEnv } from './test-env';

/**
 * Sends commands and queries to the services of a test run, as any actor, signed with the run's
 * actor key exactly as the gateway signs (ADR 0015).
 */
export class RpcCaller {
  private constructor(
    private readonly client: ServiceClient,
    private readonly nc: NatsConnection,
    private readonly env: TestEnv,
  ) {}

  static async connect(env: TestEnv): Promise<RpcCaller> {
    const client = new ServiceClient({
      name: 'test-caller',
      natsUrl: [env.natsUrl],
      ns: new Namespace(env.namespace),
      actorSigningKey: env.actorSigningKey,
      timeoutMs: 10_000,
    });
    await client.connect();
    return new RpcCaller(client, await connect({ servers: env.natsUrl }), env);
  }

  /** The reply's data; a refusal throws RemoteServiceError with its code and status. */
  request<T = unknown, P = unknown>(
    contract: MessageContract<P>,
    payload: P,
    actor?: ActorContext,
    extra: { idempotencyKey?: string } = {},
  ): Promise<T> {
    return this.client.request(contract, payload, { requestId: randomUUID(), actor, ...extra }) as Promise<T>;
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
    await Promise.all([this.client.close(), this.nc.drain()]);
  }
}
