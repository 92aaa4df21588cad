import { EventConsumerOptions, EventConsumers, MessageContract, MessageMeta, RpcServer, SqlExecutor } from '@firstset/messaging';
import { requestContext } from './request-context';

/**
 * A value that JSON-serializes to `T`: a Date where `T` has a string (JSON.stringify writes it as
 * its ISO string), extra properties allowed. The reply travels as JSON, so this is what may be returned.
 */
export type SerializesTo<T> = T extends string
  ? T | Date
  : T extends readonly (infer E)[]
    ? readonly SerializesTo<E>[]
    : T extends object
      ? { [K in keyof T]: SerializesTo<T[K]> }
      : T;

/**
 * Registers an RPC handler that runs inside the request's log context (its request id). The
 * handler's result must serialize to the contract's reply type: the compiler checks the service
 * against the contract.
 */
export function handleRpc<T, R>(
  rpc: RpcServer,
  contract: MessageContract<T, R>,
  handler: (payload: T, meta: MessageMeta) => Promise<SerializesTo<NoInfer<R>>>,
): Promise<void> {
  return rpc.handle(contract, (payload, meta) =>
    requestContext.run({ requestId: meta.requestId }, () => handler(payload, meta)),
  );
}

/** Registers a durable event consumer whose handler runs inside the event's log context. */
export function consumeEvent<T, Tx extends SqlExecutor>(
  consumers: EventConsumers<Tx>,
  contract: MessageContract<T>,
  options: EventConsumerOptions<T, Tx>,
): void {
  consumers.register(contract, {
    ...options,
    handler: (payload, tx, meta) =>
      requestContext.run({ requestId: meta.requestId }, () => options.handler(payload, tx, meta)),
    ...(options.batchHandler && {
      batchHandler: (events, tx) =>
        requestContext.run({ requestId: events[0].meta.requestId }, () => options.batchHandler!(events, tx)),
    }),
  });
}
