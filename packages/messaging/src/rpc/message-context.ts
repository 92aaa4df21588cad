import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { BaseRpcContext } from '@nestjs/microservices';
import type { MessageMeta } from '../headers';

/** What the NATS RPC server hands a handler besides the payload: the wire subject and the verified meta. */
export class RpcMessageContext extends BaseRpcContext<[subject: string, meta: MessageMeta]> {
  getSubject(): string {
    return this.args[0];
  }

  /** Request id, the actor the gateway signed, the Idempotency-Key and the payload's hash. */
  getMeta(): MessageMeta {
    return this.args[1];
  }
}

/** Anything that carries a message's verified meta (request contexts and event contexts). */
export interface CarriesMeta {
  getMeta(): MessageMeta;
}

/** The handler's `MessageMeta` parameter (the `@Answers` and `@Consumes` decorators apply it for you). */
export const Meta = createParamDecorator((_data: unknown, ctx: ExecutionContext): MessageMeta => {
  return ctx.switchToRpc().getContext<CarriesMeta>().getMeta();
});
