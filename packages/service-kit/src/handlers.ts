import { EventConsumerOptions, EventConsumers, MessageContract, RpcHandler, RpcServer, SqlExecutor } from '@firstset/messaging';
import { requestContext } from './request-context';

/** Registers an RPC handler that runs inside the request's log context (its request id). */
export function handleRpc<T>(rpc: RpcServer, contract: MessageContract<T>, handler: RpcHandler<T>): Promise<void> {
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
