import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ActorContext, MessageContract, RpcClient } from '@firstset/messaging';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Forwards an HTTP request to the owning service over NATS: the payload, and in the headers the
 * request id, the authenticated actor and the caller's Idempotency-Key.
 */
@Injectable()
export class ServiceCaller {
  constructor(private readonly rpc: RpcClient) {}

  /** Resolves to the contract's reply type (what the service's handler is checked to return). */
  call<P, R>(req: Request, contract: MessageContract<P, R>, payload: P): Promise<R> {
    const r = req as Request & { id: string; actor?: ActorContext };
    const key = req.header('idempotency-key');
    return this.rpc.request<R, P>(contract, payload, {
      requestId: r.id,
      actor: r.actor,
      ...(key && IDEMPOTENCY_KEY.test(key) ? { idempotencyKey: key } : {}),
    });
  }
}
