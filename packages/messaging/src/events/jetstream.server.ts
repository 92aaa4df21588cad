import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { MessageMeta } from '../headers';
import type { EventConsumers } from '../inbox-consumer';
import { requestContext } from '../request-context';
import type { SqlExecutor } from '../sql';
import type { ConsumeExtras } from './consumes.decorator';
import { JetStreamContext } from './jetstream.context';
import { JETSTREAM_TRANSPORT } from './jetstream.transport-id';

type Handler = MessageHandler<unknown, JetStreamContext, unknown>;

/**
 * JetStream events as a Nest transport: every `@Consumes` / `@ConsumesBatch` handler becomes a
 * durable pull consumer behind the idempotent inbox of `EventConsumers`, which validates the
 * payload, opens the transaction, writes the inbox row, runs the handler with that transaction
 * (through `JetStreamContext`), commits, then acks; and naks with backoff, redelivers and
 * dead-letters as before. Nest's pipes, interceptors and filters wrap the handler as usual.
 */
export class JetStreamServer<Tx extends SqlExecutor = SqlExecutor> extends Server implements CustomTransportStrategy {
  override readonly transportId = JETSTREAM_TRANSPORT;

  constructor(private readonly consumers: EventConsumers<Tx>) {
    super();
  }

  listen(callback: (err?: unknown) => void): void {
    try {
      for (const [subject, head] of this.messageHandlers) {
        for (let h: Handler | undefined = head as Handler; h; h = h.next as Handler | undefined) this.register(subject, h);
      }
    } catch (err) {
      return callback(err);
    }
    this.consumers.start().then(() => callback(), callback);
  }

  async close(): Promise<void> {
    await this.consumers.stop();
  }

  on(): never {
    throw new Error('JetStreamServer has no status events');
  }

  unwrap<T>(): T {
    return this.consumers as T;
  }

  private register(subject: string, handler: Handler): void {
    const extras = handler.extras as ConsumeExtras | undefined;
    if (!extras?.contract) throw new Error(`${subject}: declare JetStream handlers with @Consumes(contract, { durable })`);
    const { contract, batch, ...options } = extras;
    const invoke = async (data: unknown, ctx: JetStreamContext<Tx>, requestId: string): Promise<void> =>
      requestContext.run({ requestId }, async () => {
        const result = await handler(data, ctx as unknown as JetStreamContext);
        await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
      });
    if (!batch) {
      this.consumers.register(contract, {
        ...options,
        handler: (payload, tx, meta) => invoke(payload, new JetStreamContext<Tx>([subject, meta, tx, undefined]), meta.requestId),
      });
      return;
    }
    const many = (events: Array<{ payload: unknown; meta: MessageMeta }>, tx: Tx) =>
      invoke(events, new JetStreamContext<Tx>([subject, undefined, tx, events]), events[0].meta.requestId);
    this.consumers.register(contract, {
      ...options,
      batchHandler: many,
      handler: (payload, tx, meta) => many([{ payload, meta }], tx),
    });
  }
}
