import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { IDEMPOTENCY_KEY } from '@firstset/contracts';
import { ActorContext, MessageContract, ServiceClient, ServiceError } from '@firstset/messaging';

/** An Idempotency-Key the caller sent that cannot be one: refused, never ignored (a retry would act twice). */
export class IdempotencyKeyInvalid extends ServiceError {
  constructor() {
    super('IDEMPOTENCY_KEY_INVALID', 400, '幂等键格式有误 / The Idempotency-Key is invalid', undefined, [
      {
        field: 'Idempotency-Key',
        message: '须为 16–128 个字母、数字或 -_.: 字符 / must be 16–128 letters, digits or -_.: (a UUID fits)',
        rule: 'matches',
      },
    ]);
  }
}

/** The header as the OpenAPI document describes it, on every route that takes one. */
export const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description:
    '重试时返回首次结果；16–128 个字母、数字或 -_.: 字符，同一键用于不同请求体时返回 422 / ' +
    'a retry returns the first result; 16–128 letters, digits or -_.: (a UUID fits); the same key with another body is refused with 422',
  schema: { type: 'string' as const, pattern: IDEMPOTENCY_KEY.source },
};

/** The request's Idempotency-Key, when it sent one; throws `IdempotencyKeyInvalid` for a malformed one. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) throw new IdempotencyKeyInvalid();
  return key;
}

/**
 * Forwards an HTTP request to the owning service through the signed `ClientProxy`: the payload,
 * and in the signed token the request id, the authenticated actor and the caller's Idempotency-Key.
 */
@Injectable()
export class ServiceCaller {
  constructor(private readonly rpc: ServiceClient) {}

  /** Resolves to the contract's reply type (what the service's handler is checked to return). */
  call<P, R>(req: Request, contract: MessageContract<P, R>, payload: P, opts: { timeoutMs?: number } = {}): Promise<R> {
    const r = req as Request & { id: string; actor?: ActorContext };
    const key = idempotencyKeyOf(req);
    return this.rpc.request(
      contract,
      payload,
      {
        requestId: r.id,
        actor: r.actor,
        ...(key ? { idempotencyKey: key } : {}),
      },
      opts,
    );
  }
}
