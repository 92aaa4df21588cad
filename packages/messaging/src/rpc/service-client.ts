import { Logger } from '@nestjs/common';
import { ClientNats, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { RequestError, TimeoutError, type NatsConnection } from '@nats-io/transport-node';
import { lastValueFrom } from 'rxjs';
import type { MessageContract } from '../contract';
import { errorMessage, MessagingErrorCode, RemoteServiceError, type ErrorBody } from '../errors';
import { metaToHeaders, type MessageMeta } from '../headers';
import { line } from '../log';
import type { NatsAuth } from '../config';
import type { Namespace } from '../namespace';
import { ACTOR_TOKEN_HEADER, ActorSigner, bodyHash } from './actor-token';
import { rpcClientDuration } from '../metrics';
import { endSpan, SpanKind, startSpan, traceHeaders, tracingEnabled } from '../tracing';
import { context, trace } from '@opentelemetry/api';

export interface ServiceClientOptions {
  /** Who calls (connection name; never an audience). */
  name: string;
  natsUrl: string[];
  ns: Namespace;
  /** The gateway's private actor key (base64 PKCS#8 DER). */
  actorSigningKey: string;
  /** Default answer deadline, ms. */
  timeoutMs: number;
  natsAuth?: NatsAuth;
}

interface SignedRequest {
  payload: unknown;
  meta: MessageMeta;
  /** The service the contract belongs to: the token's audience. */
  audience: string;
  timeoutMs: number;
  /** `traceparent`/`tracestate` of the client span, when tracing is on. */
  trace?: Record<string, string>;
}

/**
 * Nest's NATS `ClientProxy`, sending each request signed (ADR 0015): the token names the target
 * service, the wire subject, the request id, the actor, the Idempotency-Key and the SHA-256 of the
 * exact bytes sent. Requests go through the connection's shared reply inbox (`request()`), so no
 * responders is known at once rather than after the timeout. Domain events never go through a
 * ClientProxy (they leave through the outbox): `emit` is refused.
 */
export class SignedNatsClient extends ClientNats {
  private readonly signer: ActorSigner;

  constructor(private readonly clientOptions: ServiceClientOptions) {
    super({
      servers: clientOptions.natsUrl,
      name: clientOptions.ns.prefix ? `${clientOptions.name}@${clientOptions.ns.prefix}` : clientOptions.name,
      maxReconnectAttempts: -1,
      // No Error built per request for its stack (a fifth of the gateway's NATS time); ours are typed.
      noAsyncTraces: true,
      ...(clientOptions.natsAuth ? { user: clientOptions.natsAuth.user, pass: clientOptions.natsAuth.pass } : {}),
    });
    this.signer = new ActorSigner(clientOptions.actorSigningKey);
  }

  protected override publish(partial: ReadPacket<SignedRequest>, callback: (packet: WritePacket) => void): () => void {
    const packet = this.assignPacketId(partial);
    const { payload, meta, audience, timeoutMs } = packet.data;
    const subject = this.normalizePattern(packet.pattern);
    const body = new TextEncoder().encode(JSON.stringify({ pattern: subject, data: payload, id: packet.id }));
    const headers = metaToHeaders({ requestId: meta.requestId });
    if (packet.data.trace) for (const [k, v] of Object.entries(packet.data.trace)) headers.set(k, String(v));
    headers.set(
      ACTOR_TOKEN_HEADER,
      this.signer.sign({
        aud: audience,
        sub: subject,
        rid: meta.requestId,
        act: meta.actor ?? null,
        ...(meta.idempotencyKey ? { idk: meta.idempotencyKey } : {}),
        bh: bodyHash(body),
      }),
    );
    const nc = this.unwrap<NatsConnection>();
    nc.request(subject, body, { timeout: timeoutMs, headers }).then(
      (msg) => {
        let reply: WritePacket & { id?: string };
        try {
          reply = msg.json<WritePacket & { id?: string }>();
        } catch {
          return callback({ err: invalidReply('the reply is not JSON'), isDisposed: true });
        }
        // An answer names the request it answers; only a refusal before the packet was read (unsigned, not JSON) cannot.
        const answers = reply && typeof reply === 'object' && (reply.id === packet.id || (reply.id === undefined && reply.err !== undefined));
        if (!answers) {
          // e.g. a JetStream PubAck: the subject is captured by a stream. A configuration error.
          return callback({ err: invalidReply('the reply is not a response to this request (is the subject captured by a stream?)'), isDisposed: true });
        }
        callback(reply.err !== undefined ? { err: reply.err, isDisposed: true } : { response: reply.response ?? null, isDisposed: true });
      },
      (err: unknown) => callback({ err: unavailable(err, timeoutMs), isDisposed: true }),
    );
    return () => undefined;
  }

  protected override dispatchEvent(): Promise<never> {
    return Promise.reject(new Error('domain events are appended to the outbox, never emitted through a ClientProxy'));
  }
}

/**
 * What the gateway (and tests) call services with: a contract, its payload and the meta, resolving
 * to the contract's reply type or throwing `RemoteServiceError` (503 when no service answers).
 */
export class ServiceClient {
  private readonly logger = new Logger('RpcClient');
  readonly proxy: SignedNatsClient;

  constructor(private readonly options: ServiceClientOptions) {
    this.proxy = new SignedNatsClient(options);
  }

  connect(): Promise<unknown> {
    return this.proxy.connect();
  }

  close(): Promise<void> {
    return this.proxy.close();
  }

  async request<P, R>(contract: MessageContract<P, R>, payload: P, meta: MessageMeta, opts: { timeoutMs?: number } = {}): Promise<R> {
    if (contract.kind === 'event') throw new Error(`${contract.subject} is an event; append it to the outbox`);
    if (!meta.requestId) throw new Error(`${contract.subject}: meta.requestId is required`);
    const started = performance.now();
    const request: SignedRequest = {
      payload,
      meta,
      audience: contract.subject.slice(0, contract.subject.indexOf('.')),
      timeoutMs: opts.timeoutMs ?? this.options.timeoutMs,
    };
    const span = tracingEnabled()
      ? startSpan(`rpc ${contract.subject}`, SpanKind.CLIENT, context.active(), { 'rpc.system': 'nats', 'rpc.method': contract.subject })
      : undefined;
    if (span) request.trace = traceHeaders(trace.setSpan(context.active(), span));
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const data = await lastValueFrom(this.proxy.send<R, SignedRequest>(this.options.ns.subject(contract.subject), request), { defaultValue: null as R });
      rpcClientDuration.observe({ subject: contract.subject, outcome: 'ok' }, seconds());
      endSpan(span);
      this.logger.debug(line(meta.requestId, 'request answered', { subject: contract.subject, ok: true, ms: Math.round(seconds() * 1000) }));
      return data;
    } catch (err) {
      const body = asErrorBody(err);
      const outcome = body.status === 503 || body.status === 502 ? 'unavailable' : 'error';
      rpcClientDuration.observe({ subject: contract.subject, outcome }, seconds());
      endSpan(span, outcome === 'unavailable' ? body.detail ?? body.title : undefined);
      if (body.status === 503 || body.status === 502) {
        this.logger.warn(line(meta.requestId, 'request not answered', { subject: contract.subject, detail: body.detail }));
      }
      throw new RemoteServiceError(body, contract.subject);
    }
  }
}

/** The answer's error as an error body; anything that is not one is the transport's failure. */
function asErrorBody(err: unknown): ErrorBody {
  if (err && typeof err === 'object') {
    const e = err as Partial<ErrorBody>;
    if (typeof e.code === 'string' && typeof e.status === 'number' && typeof e.title === 'string') return e as ErrorBody;
  }
  return unavailable(err, 0);
}

function unavailable(err: unknown, timeoutMs: number): ErrorBody {
  const detail =
    err instanceof RequestError && err.isNoResponders()
      ? 'no service is listening'
      : err instanceof TimeoutError
        ? `no reply within ${timeoutMs} ms`
        : errorMessage(err);
  return { code: MessagingErrorCode.SERVICE_UNAVAILABLE, status: 503, title: '服务暂不可用 / Service unavailable', detail };
}

function invalidReply(detail: string): ErrorBody {
  return { code: MessagingErrorCode.INVALID_REPLY, status: 502, title: '服务应答无效 / Invalid reply from service', detail };
}

