import { Inject, Injectable, Logger } from '@nestjs/common';
import { RequestError, TimeoutError } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import * as contracts from '@firstset/contracts';
import type { MessageContract } from '../contract';
import { MESSAGING_CONFIG, type MessagingConfig } from '../config';
import { errorMessage, MessagingErrorCode, RemoteServiceError, type ErrorBody } from '../errors';
import { metaToHeaders, type MessageMeta } from '../headers';
import { line } from '../log';
import { NatsClient } from '../nats-client';

/** Queries one service answers for named other services (ADR 0019): `callers` on the contract. */
export function serviceQueries(): MessageContract[] {
  return (Object.values(contracts) as unknown[]).filter(
    (v): v is MessageContract =>
      typeof v === 'object' && v !== null && 'subject' in v && (v as MessageContract).kind === 'query' && Array.isArray((v as MessageContract).callers),
  );
}

/**
 * A service asks another service a query meant for it (ADR 0019): no actor token (only the gateway
 * signs actors, ADR 0015); the server answers these subjects unsigned, and NATS permissions let
 * only the contract's `callers` publish them. Read-only lookups, never commands.
 */
@Injectable()
export class ServiceQueries {
  private readonly logger = new Logger('ServiceQueries');

  constructor(
    private readonly nats: NatsClient,
    @Inject(MESSAGING_CONFIG) private readonly config: MessagingConfig,
  ) {}

  async ask<P, R>(contract: MessageContract<P, R>, payload: P, meta: Pick<MessageMeta, 'requestId'>): Promise<R> {
    if (contract.kind !== 'query' || !contract.callers?.includes(this.config.serviceName)) {
      throw new Error(`${contract.subject} is not a query ${this.config.serviceName} may ask`);
    }
    const id = randomUUID();
    const subject = this.config.ns.subject(contract.subject);
    const body = new TextEncoder().encode(JSON.stringify({ pattern: subject, data: payload, id }));
    let reply: { err?: unknown; response?: unknown; id?: string };
    try {
      const msg = await this.nats.nc.request(subject, body, { timeout: this.config.rpcTimeoutMs, headers: metaToHeaders({ requestId: meta.requestId }) });
      reply = msg.json();
    } catch (err) {
      const detail =
        err instanceof RequestError && err.isNoResponders()
          ? 'no service is listening'
          : err instanceof TimeoutError
            ? `no reply within ${this.config.rpcTimeoutMs} ms`
            : errorMessage(err);
      this.logger.warn(line(meta.requestId, 'service query not answered', { subject: contract.subject, detail }));
      throw new RemoteServiceError({ code: MessagingErrorCode.SERVICE_UNAVAILABLE, status: 503, title: '服务暂不可用 / Service unavailable', detail }, contract.subject);
    }
    if (reply?.err !== undefined) throw new RemoteServiceError(asErrorBody(reply.err), contract.subject);
    if (reply?.id !== id) {
      throw new RemoteServiceError(
        { code: MessagingErrorCode.INVALID_REPLY, status: 502, title: '服务应答无效 / Invalid reply from service', detail: 'the reply does not answer this request' },
        contract.subject,
      );
    }
    return (reply.response ?? null) as R;
  }
}

function asErrorBody(err: unknown): ErrorBody {
  const e = (err ?? {}) as Partial<ErrorBody>;
  if (typeof e.code === 'string' && typeof e.status === 'number' && typeof e.title === 'string') return e as ErrorBody;
  return { code: MessagingErrorCode.INVALID_REPLY, status: 502, title: '服务应答无效 / Invalid reply from service', detail: errorMessage(err) };
}
