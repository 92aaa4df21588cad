import { BaseRpcContext } from '@nestjs/microservices';
import type { MessageMeta } from '../headers';
import type { SqlExecutor } from '../sql';

/**
 * What the JetStream server hands an event handler: the subject, the event's meta and the
 * transaction the inbox row was written in. The handler's effects use this transaction, so they
 * commit with the inbox row or not at all (ADR 0014: the transaction travels in the context).
 */
export class JetStreamContext<Tx extends SqlExecutor = SqlExecutor> extends BaseRpcContext<[subject: string, meta: MessageMeta | undefined, tx: Tx, batch: Array<{ payload: unknown; meta: MessageMeta }> | undefined]> {
  getSubject(): string {
    return this.args[0];
  }

  /** The event's meta; for a batch handler, the first event's. */
  getMeta(): MessageMeta {
    return this.args[1] ?? this.args[3]![0].meta;
  }

  getTransaction(): Tx {
    return this.args[2];
  }
}
