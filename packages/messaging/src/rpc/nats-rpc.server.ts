import { ServerNats } from '@nestjs/microservices';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { canonicalSha256 } from '../canonical-json';
import { parseJsonBytesAtEdge } from '../edge-input';
import { errorMessage, MessagingErrorCode, type ErrorBody } from '../errors';
import { HEADER, metaToHeaders, type MessageMeta } from '../headers';
import { line, systemRequestId } from '../log';
import type { NatsAuth } from '../config';
import type { Namespace } from '../namespace';
import { requestContext } from '../request-context';
import { ACTOR_TOKEN_HEADER, ActorVerifier, type ActorTokenFailure } from './actor-token';
import { INVALID_REQUEST_TITLE, NOT_JSON_TITLE } from './contract-validation.pipe';
import { RpcMessageContext } from './message-context';
import { INTERNAL_ERROR } from './problem-details.filter';
import { serviceQueries } from './service-queries';
import { rpcServerDuration } from '../metrics';
import { endSpan, SpanKind, startSpan, traceContextOf, tracingEnabled, withSpan } from '../tracing';
import type { Span } from '@opentelemetry/api';

export interface NatsRpcServerOptions {
  serviceName: string;
  natsUrl: string[];
  ns: Namespace;
  /** The gateway's public actor key (base64 SPKI DER); requests not signed with it are refused. */
  actorVerifyKey: string;
  natsAuth?: NatsAuth;
}

/** Nest's request packet on the wire. */
interface RequestPacket {
  pattern: unknown;
  data: unknown;
  id?: unknown;
}

const UNSIGNED_TITLE = '请求未经网关签名或签名无效 / The request is not signed by the gateway, or the signature is invalid';

/**
 * Commands and queries on Nest's NATS transport (`Transport.NATS`), one queue group per service so
 * instances share the load. Before any handler runs, on the raw bytes, it refuses what must never
 * reach one: a request not signed by the gateway for this service, subject and body (ADR 0015), and
 * a body the edge rules refuse (ADR 0011). Subjects are namespaced on the wire for test isolation
 * while handlers are declared with their logical subjects. Closing drains: requests in hand finish.
 */
export class NatsRpcServer extends ServerNats {
  private readonly verifier: ActorVerifier;
  /** Queries other services ask this one (ADR 0019): answered without an actor token. */
  private readonly unsigned = new Set(serviceQueries().map((c) => c.subject));
  private readonly subs: Subscription[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Per request in hand: when it arrived, under which subject, its span; read when it is answered. */
  private readonly timing = new WeakMap<Msg, { channel: string; started: number; span?: Span }>();

  constructor(private readonly rpcOptions: NatsRpcServerOptions) {
    super({
      servers: rpcOptions.natsUrl,
      queue: rpcOptions.serviceName,
      name: rpcOptions.ns.prefix ? `${rpcOptions.serviceName}-rpc@${rpcOptions.ns.prefix}` : `${rpcOptions.serviceName}-rpc`,
      maxReconnectAttempts: -1,
      // No Error built per request for its stack (a fifth of the gateway's NATS time); ours are typed.
      noAsyncTraces: true,
      ...(rpcOptions.natsAuth ? { user: rpcOptions.natsAuth.user, pass: rpcOptions.natsAuth.pass } : {}),
    });
    this.verifier = new ActorVerifier(rpcOptions.actorVerifyKey, rpcOptions.serviceName);
  }

  /** Answers a subject known only at run time (the service's health) with a plain function. */
  answer(subject: string, fn: (meta: MessageMeta) => Promise<unknown>): void {
    this.addHandler(subject, (_data: unknown, ctx: RpcMessageContext) => fn(ctx.getMeta()));
  }

  override bindEvents(client: NatsConnection): void {
    for (const [channel, handler] of this.messageHandlers) {
      if (handler.isEventHandler) throw new Error(`${channel}: events are consumed from JetStream with @Consumes, not over core NATS`);
      const sub = client.subscribe(this.rpcOptions.ns.subject(channel), {
        queue: this.rpcOptions.serviceName,
        callback: (err, msg) => {
          if (err) return this.logger.error(line(systemRequestId(), 'subscription error', { subject: channel, error: errorMessage(err) }));
          const p = this.handleMessage(channel, msg)
            .catch((e: unknown) => this.logger.error(line(systemRequestId(), 'request dispatch failed', { subject: channel, error: errorMessage(e) })))
            .finally(() => this.inFlight.delete(p));
          this.inFlight.add(p);
        },
      });
      this.subs.push(sub);
    }
  }

  override async handleMessage(channel: string, natsMsg: Msg): Promise<void> {
    const span = tracingEnabled()
      ? startSpan(`rpc ${channel}`, SpanKind.SERVER, traceContextOf(natsMsg.headers), { 'rpc.system': 'nats', 'rpc.method': channel })
      : undefined;
    this.timing.set(natsMsg, { channel, started: performance.now(), span });
    return withSpan(span, () => this.handleOne(channel, natsMsg));
  }

  private async handleOne(channel: string, natsMsg: Msg): Promise<void> {
    const requestId = natsMsg.headers?.get(HEADER.requestId) || systemRequestId();
    const token = natsMsg.headers?.get(ACTOR_TOKEN_HEADER) || undefined;
    // A service's query (ADR 0019) acts for no one: whatever token comes with it is ignored, and
    // NATS permissions decide who may send it.
    const signed = this.unsigned.has(channel)
      ? ({ ok: true, claims: { rid: requestId, act: null } } as const)
      : this.verifier.check(token, natsMsg.subject, natsMsg.data);
    if (!signed.ok) return this.refuseUnsigned(natsMsg, channel, requestId, signed.reason);
    const claims: { rid: string; act: MessageMeta['actor'] | null; idk?: string } = signed.claims;

    const decoded = parseJsonBytesAtEdge(natsMsg.data);
    if (!decoded.ok) {
      const { code, detail, errors } = decoded.refusal;
      return this.reply(natsMsg, undefined, {
        err:
          code === 'VALIDATION_FAILED'
            ? { code: MessagingErrorCode.VALIDATION_FAILED, status: 400, title: INVALID_REQUEST_TITLE, errors }
            : { code: MessagingErrorCode.INVALID_JSON, status: 400, title: NOT_JSON_TITLE, detail: `${code}: ${detail ?? ''}` },
      });
    }
    const packet = decoded.value as RequestPacket;
    const id = typeof packet?.id === 'string' ? packet.id : undefined;
    const meta: MessageMeta = { requestId: claims.rid };
    if (claims.act) meta.actor = claims.act;
    if (claims.idk) {
      meta.idempotencyKey = claims.idk;
      meta.requestHash = canonicalSha256(packet.data);
    }
    // The channel is the key it was bound under; Nest's getHandlerByPattern first tries JSON.parse on it, which throws (and builds a stack) for every plain subject.
    const handler = this.messageHandlers.get(channel) ?? null;
    if (!handler) return this.reply(natsMsg, id, { err: { ...INTERNAL_ERROR, detail: `no handler for ${channel}` } });
    const ctx = new RpcMessageContext([natsMsg.subject, meta]);
    await requestContext.run({ requestId: meta.requestId }, () =>
      this.handleRequest(
        ctx,
        async () => this.transformToObservable(await handler(packet.data, ctx)),
        (response) => this.reply(natsMsg, id, response),
      ),
    );
  }

  override async close(): Promise<void> {
    await Promise.all(this.subs.map((s) => s.drain().catch(() => undefined)));
    this.subs.length = 0;
    await Promise.all([...this.inFlight]);
    await super.close();
  }

  private refuseUnsigned(natsMsg: Msg, channel: string, requestId: string, reason: ActorTokenFailure): void {
    // Logged: an unsigned or forged request on the bus is a security event, not a user error.
    this.logger.warn(line(requestId, 'request refused: actor signature', { subject: channel, reason }));
    this.reply(natsMsg, undefined, {
      err: { code: 'ACTOR_SIGNATURE_INVALID', status: 401, title: UNSIGNED_TITLE, detail: reason } satisfies ErrorBody,
    });
  }

  private reply(natsMsg: Msg, id: string | undefined, response: { err?: unknown; response?: unknown; isDisposed?: boolean }): void {
    const timing = this.timing.get(natsMsg);
    if (timing) {
      this.timing.delete(natsMsg);
      const status = (response.err as { status?: unknown } | undefined)?.status;
      const outcome = response.err === undefined ? 'ok' : status === 401 ? 'refused' : 'error';
      rpcServerDuration.observe({ service: this.rpcOptions.serviceName, subject: timing.channel, outcome }, (performance.now() - timing.started) / 1000);
      endSpan(timing.span, typeof status === 'number' && status >= 500 ? `status ${status}` : undefined);
    }
    if (!natsMsg.reply) return;
    const packet = { ...response, ...(response.err !== undefined ? { isDisposed: true } : {}), ...(id ? { id } : {}) };
    try {
      natsMsg.respond(JSON.stringify(packet), { headers: metaToHeaders({ requestId: natsMsg.headers?.get(HEADER.requestId) || systemRequestId() }) });
    } catch (err) {
      this.logger.warn(line(systemRequestId(), 'reply not sent', { subject: natsMsg.subject, error: errorMessage(err) }));
    }
  }
}
