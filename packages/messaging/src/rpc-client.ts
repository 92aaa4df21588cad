import { Inject, Injectable, Logger } from '@nestjs/common';
import { RequestError, TimeoutError, type Msg } from '@nats-io/transport-node';
import { MESSAGING_CONFIG, type MessagingConfig } from './config';
import type { MessageContract } from './contract';
import { errorMessage, isReplyEnvelope, MessagingErrorCode, RemoteServiceError } from './errors';
import { metaToHeaders, type MessageMeta } from './headers';
import { line } from './log';
import { NatsClient } from './nats-client';
import { decodeJson } from './validation';

export interface RpcRequestOptions {
  timeoutMs?: number;
}

/**
 * Sends commands and queries to the owning service and unwraps the reply envelope: returns
 * `data`, or throws `RemoteServiceError` carrying the remote error. No answer (no responders,
 * timeout, connection down) is `SERVICE_UNAVAILABLE` / 503.
 */
@Injectable()
export class RpcClient {
  private readonly logger = new Logger('RpcClient');

  constructor(
    @Inject(MESSAGING_CONFIG) private readonly config: Pick<MessagingConfig, 'rpcTimeoutMs'>,
    private readonly nats: NatsClient,
  ) {}

  async request<TRes, TReq = unknown>(
    contract: MessageContract<TReq>,
    payload: TReq,
    meta: MessageMeta,
    options: RpcRequestOptions = {},
  ): Promise<TRes> {
    if (contract.kind === 'event')
      throw new Error(`${contract.subject} is an event; append it to the outbox`);
    if (!meta.requestId) throw new Error(`${contract.subject}: meta.requestId is required`);
    const timeout = options.timeoutMs ?? this.config.rpcTimeoutMs;
    const started = Date.now();
    let reply: Msg;
    try {
      reply = await this.nats.nc.request(
        this.nats.ns.subject(contract.subject),
        new TextEncoder().encode(JSON.stringify(payload)),
        { timeout, headers: metaToHeaders(meta) },
      );
    } catch (err) {
      const detail =
        err instanceof RequestError && err.isNoResponders()
          ? 'no service is listening'
          : err instanceof TimeoutError
            ? `no reply within ${timeout} ms`
            : errorMessage(err);
      this.logger.warn(line(meta.requestId, 'request not answered', { subject: contract.subject, detail }));
      throw new RemoteServiceError(
        { code: MessagingErrorCode.SERVICE_UNAVAILABLE, status: 503, title: 'Service unavailable', detail },
        contract.subject,
      );
    }
    const decoded = decodeJson(reply.data);
    const envelope = decoded.ok ? decoded.value : undefined;
    if (!isReplyEnvelope(envelope)) {
      // e.g. a JetStream PubAck: the subject is captured by a stream. A configuration error.
      this.logger.error(line(meta.requestId, 'reply is not an envelope', { subject: contract.subject }));
      throw new RemoteServiceError(
        {
          code: MessagingErrorCode.INVALID_REPLY,
          status: 502,
          title: 'Invalid reply from service',
          detail: 'the reply is not a messaging envelope (is the subject captured by a stream?)',
        },
        contract.subject,
      );
    }
    this.logger.debug(
      line(meta.requestId, 'request answered', {
        subject: contract.subject,
        ok: envelope.ok,
        ms: Date.now() - started,
      }),
    );
    if (envelope.ok) return envelope.data as TRes;
    throw new RemoteServiceError(envelope.error, contract.subject);
  }
}
