import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Msg, Subscription } from '@nats-io/transport-node';
import { MESSAGING_CONFIG, type MessagingConfig } from './config';
import type { MessageContract } from './contract';
import { errorMessage, isServiceError, MessagingErrorCode, type ReplyEnvelope } from './errors';
import { metaFromHeaders, metaToHeaders, type MessageMeta } from './headers';
import { line, systemRequestId } from './log';
import { NatsClient } from './nats-client';
import { canonicalSha256 } from './canonical-json';
import { parseJsonBytesAtEdge } from './edge-input';
import { validatePayload, type ValidationResult } from './validation';

export type RpcHandler<T> = (payload: T, meta: MessageMeta) => Promise<unknown>;

/**
 * Answers commands and queries. Each handler subscribes to its (namespaced) subject in the queue
 * group named after the service, so instances share the load. Payloads are validated before the
 * handler runs; replies are `{ ok: true, data }` or `{ ok: false, error }`.
 */
@Injectable()
export class RpcServer implements OnModuleDestroy {
  private readonly logger = new Logger('RpcServer');
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @Inject(MESSAGING_CONFIG) private readonly config: Pick<MessagingConfig, 'serviceName'>,
    private readonly nats: NatsClient,
  ) {}

  /** Subscribes the handler; resolves once the server has the subscription. */
  async handle<T>(contract: MessageContract<T>, handler: RpcHandler<T>): Promise<void> {
    if (contract.kind === 'event') {
      throw new Error(`${contract.subject} is an event; consume it with EventConsumers`);
    }
    const subject = this.nats.ns.subject(contract.subject);
    if (this.subscriptions.has(subject)) throw new Error(`${contract.subject} already has a handler`);
    const sub = this.nats.nc.subscribe(subject, {
      queue: this.config.serviceName,
      callback: (err, msg) => {
        if (err) {
          this.logger.error(
            line(systemRequestId(), 'subscription error', {
              subject: contract.subject,
              error: errorMessage(err),
            }),
          );
          return;
        }
        const p = this.dispatch(contract, handler, msg)
          .catch((e: unknown) =>
            this.logger.error(
              line(systemRequestId(), 'request dispatch failed', {
                subject: contract.subject,
                error: errorMessage(e),
              }),
            ),
          )
          .finally(() => this.inFlight.delete(p));
        this.inFlight.add(p);
      },
    });
    this.subscriptions.set(subject, sub);
    await this.nats.nc.flush();
  }

  /** Stops taking requests and waits for the ones being handled. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.subscriptions.values()].map((s) => s.drain().catch(() => undefined)));
    this.subscriptions.clear();
    await Promise.all([...this.inFlight]);
  }

  private async dispatch<T>(contract: MessageContract<T>, handler: RpcHandler<T>, msg: Msg): Promise<void> {
    const meta = metaFromHeaders(msg.headers);
    const started = Date.now();
    const envelope = await this.run(contract, handler, msg, meta);
    let body: string;
    try {
      body = JSON.stringify(envelope);
    } catch (err) {
      this.logger.error(
        line(meta.requestId, 'reply not serialisable', {
          subject: contract.subject,
          error: errorMessage(err),
        }),
      );
      body = JSON.stringify(internalError());
    }
    if (!msg.reply) {
      this.logger.warn(line(meta.requestId, 'request without reply subject', { subject: contract.subject }));
      return;
    }
    try {
      msg.respond(new TextEncoder().encode(body), { headers: metaToHeaders({ requestId: meta.requestId }) });
    } catch (err) {
      this.logger.warn(
        line(meta.requestId, 'reply not sent', { subject: contract.subject, error: errorMessage(err) }),
      );
    }
    this.logger.debug(
      line(meta.requestId, 'request handled', {
        subject: contract.subject,
        ok: envelope.ok,
        ...(envelope.ok ? {} : { code: envelope.error.code }),
        ms: Date.now() - started,
      }),
    );
  }

  private async run<T>(
    contract: MessageContract<T>,
    handler: RpcHandler<T>,
    msg: Msg,
    meta: MessageMeta,
  ): Promise<ReplyEnvelope> {
    const decoded = parseJsonBytesAtEdge(msg.data);
    if (!decoded.ok) {
      const { code, detail, errors } = decoded.refusal;
      return code === 'VALIDATION_FAILED'
        ? { ok: false, error: { code: MessagingErrorCode.VALIDATION_FAILED, status: 400, title: '请求内容有误 / The request is invalid', errors } }
        : { ok: false, error: { code: MessagingErrorCode.INVALID_JSON, status: 400, title: '请求内容无法解析 / The request body is not JSON', detail: `${code}: ${detail ?? ''}` } };
    }
    if (meta.idempotencyKey) meta.requestHash = canonicalSha256(decoded.value);
    let checked: ValidationResult<T>;
    try {
      checked = await validatePayload(contract.schema, decoded.value, { edge: true });
    } catch (err) {
      // Whatever the payload makes the transformer or validator throw is the payload's fault.
      return { ok: false, error: { code: MessagingErrorCode.INVALID_JSON, status: 400, title: '请求内容无法解析 / The request body is not JSON', detail: errorMessage(err) } };
    }
    if (!checked.ok) {
      return {
        ok: false,
        error: {
          code: MessagingErrorCode.VALIDATION_FAILED,
          status: 400,
          title: '请求内容有误 / The request is invalid',
          errors: checked.errors,
        },
      };
    }
    try {
      const data = await handler(checked.value, meta);
      return { ok: true, data: data ?? null };
    } catch (err) {
      if (isServiceError(err)) return { ok: false, error: err.toBody() };
      this.logger.error(
        line(meta.requestId, 'handler failed', {
          subject: contract.subject,
          error: errorMessage(err),
          stack: err instanceof Error ? err.stack : undefined,
        }),
      );
      return internalError();
    }
  }
}

function internalError(): ReplyEnvelope {
  return { ok: false, error: { code: MessagingErrorCode.INTERNAL, status: 500, title: '服务器内部错误 / Internal error' } };
}
