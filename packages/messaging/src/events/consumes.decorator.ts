import { Catch, createParamDecorator, UseFilters, type ExecutionContext, type RpcExceptionFilter } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { throwError, type Observable } from 'rxjs';
import type { MessageContract } from '../contract';
import type { MessageMeta } from '../headers';
import { Meta } from '../rpc/message-context';
import type { JetStreamContext } from './jetstream.context';
import { JETSTREAM_TRANSPORT } from './jetstream.transport-id';

export interface ConsumeOptions {
  /** Durable consumer name, also the inbox `consumer` column: `<service>-<purpose>`, e.g. `intake-bans`. */
  durable: string;
  /** Logical stream holding the subject; looked up by subject when omitted. */
  stream?: string;
  maxDeliver?: number;
  ackWaitMs?: number;
  retryDelayMs?: number;
}

/** What the JetStream server finds in a handler's pattern extras. */
export interface ConsumeExtras extends ConsumeOptions {
  contract: MessageContract<unknown>;
  batch: boolean;
}

/** One event: `(payload, tx, meta)`. `tx` is typed by the service (its Prisma transaction client). */
export type EventMethod<T> = (payload: T, tx: never, meta: MessageMeta) => Promise<void>;
/** Several new events sharing one transaction: `(events, tx)`, doing exactly what one-by-one would. */
export type BatchEventMethod<T> = (events: Array<{ payload: T; meta: MessageMeta }>, tx: never) => Promise<void>;

/** The handler's transaction parameter (applied by `@Consumes`). */
const Transaction = createParamDecorator((_data: unknown, ctx: ExecutionContext) =>
  ctx.switchToRpc().getContext<JetStreamContext>().getTransaction(),
);

/** Event handlers' errors reach the JetStream server as they are: it logs, naks, retries, dead-letters. */
@Catch()
class RethrowFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
const rethrow = new RethrowFilter();

/**
 * Marks a controller method as a durable JetStream consumer of an event contract
 * (`@EventPattern` on the JetStream transport). For every message the inbox row and the method's
 * effects commit in one transaction, then the message is acked; a failure is nak'ed with backoff
 * and dead-lettered after `maxDeliver`.
 *
 *   @Consumes(ApplicantBanImposed, { durable: 'intake-applicant-bans' })
 *   async onBan(ban: ApplicantBanImposedV1, tx: Tx, meta: MessageMeta) { … }
 */
export function Consumes<T>(contract: MessageContract<T>, options: ConsumeOptions) {
  return decorate<EventMethod<T>>(contract, options, false);
}

/**
 * The same, for a handler that takes every new event of a pulled batch at once (one multi-row
 * statement for the deadline rush); a lone event arrives as a batch of one.
 */
export function ConsumesBatch<T>(contract: MessageContract<T>, options: ConsumeOptions) {
  return decorate<BatchEventMethod<T>>(contract, options, true);
}

function decorate<M>(contract: MessageContract<unknown>, options: ConsumeOptions, batch: boolean) {
  if (contract.kind !== 'event') throw new Error(`${contract.subject} is a ${contract.kind}, not an event`);
  return (target: object, key: string | symbol, descriptor: { value?: M }): void => {
    const d = descriptor as PropertyDescriptor;
    Payload()(target, key, 0);
    Transaction()(target, key, 1);
    if (!batch) Meta()(target, key, 2);
    UseFilters(rethrow)(target, key, d);
    const extras: ConsumeExtras = { ...options, contract, batch };
    EventPattern(contract.subject, JETSTREAM_TRANSPORT, extras)(target, key, d);
  };
}
