export { defineContract, type MessageContract, type MessageKind, type PayloadOf } from './contract';
export { HEADER, isUuid, metaFromHeaders, metaToHeaders, type ActorContext, type MessageMeta } from './headers';
export {
  MessagingErrorCode,
  RemoteServiceError,
  ServiceError,
  type ErrorBody,
} from './errors';
export { validatePayload, type FieldError, type ValidationResult } from './validation';
export { describeConstraint, fieldErrorsOf } from './validation-messages';
export { parseJsonAtEdge, parseJsonBytesAtEdge, textRuleErrors, jsonValueErrors, type EdgeParse, type EdgeRefusal } from './edge-input';
export { Namespace, DLQ_STREAM } from './namespace';
export {
  MESSAGING_TABLES_SQL,
  messagingTables,
  type MessagingTables,
  type SqlExecutor,
  type TransactionRunner,
} from './sql';
export {
  MESSAGING_CONFIG,
  resolveMessagingConfig,
  type ConsumerSettings,
  type MessagingConfig,
  type MessagingModuleOptions,
  type NatsAuth,
  type RelaySettings,
} from './config';
export {
  ensureStreams,
  type StreamConfigSpec,
  type StreamEnsureAction,
  type StreamEnsureResult,
} from './streams';
export {
  DLQ_STREAM_DEFAULTS,
  EVENT_STREAM_DEFAULTS,
  limitsOf,
  parseDuration,
  parseSize,
  streamOverridesFromEnv,
  type StreamLimits,
  type StreamOverrides,
  type StreamStorage,
} from './stream-limits';
export { DeadLetters, DeadLetterError, type DeadLetter, type DeadLetterErrorCode } from './dead-letters';
export { NatsClient } from './nats-client';
export {
  AUDIT_CHECKPOINT_STREAM,
  AUDIT_CHECKPOINT_SUBJECTS,
  NATS_USERS,
  natsPermissions,
  ownStreamOf,
  passwordEnvOf,
  queriesAskedBy,
  renderNatsAuthConfig,
  requestSubjectsOf,
  type NatsPermissionOptions,
  type NatsUserName,
  type NatsUserPermissions,
  type RenderOptions,
} from './nats-permissions';
export { Outbox, InvalidEventError } from './outbox';
export { OutboxRelay, type RelayBatchResult } from './outbox-relay';
export {
  EventConsumers,
  type DeadLetterReason,
  type EventConsumerOptions,
  type EventHandler,
  type BatchEventHandler,
} from './inbox-consumer';
export { ACTOR_TOKEN_HEADER, ACTOR_TOKEN_TTL_MS, ActorSigner, ActorVerifier, bodyHash, generateActorKeys, type ActorClaims, type ActorTokenFailure } from './rpc/actor-token';
export { Answers, type AnswerMethod } from './rpc/answers.decorator';
export { ContractValidationPipe } from './rpc/contract-validation.pipe';
export { Meta, RpcMessageContext, type CarriesMeta } from './rpc/message-context';
export { NatsRpcServer, type NatsRpcServerOptions } from './rpc/nats-rpc.server';
export { ProblemDetailsRpcFilter } from './rpc/problem-details.filter';
export { ServiceClient, SignedNatsClient, type ServiceClientOptions } from './rpc/service-client';
export { ServiceQueries, serviceQueries } from './rpc/service-queries';
export type { SerializesTo } from './rpc/serializes-to';
export { Consumes, ConsumesBatch, type BatchEventMethod, type ConsumeOptions, type EventMethod } from './events/consumes.decorator';
export { JetStreamContext } from './events/jetstream.context';
export { JetStreamServer } from './events/jetstream.server';
export { JETSTREAM_TRANSPORT } from './events/jetstream.transport-id';
export { requestContext, type RequestContext } from './request-context';
export { MessagingHealth, type MessagingHealthStatus } from './messaging-health';
export { MessagingModule, type MessagingModuleAsyncOptions } from './messaging.module';
export * from './pg-executor';
export { systemRequestId } from './log';
export { canonicalJson, canonicalSha256 } from './canonical-json';
export { setTracing, tracingEnabled, traceContextOf } from './tracing';
export {
  metricsRegistry,
  registeredOnce,
  rpcServerDuration,
  rpcClientDuration,
  eventsPublished,
  publishFailures,
  redeliveries,
  deadLetters,
  outboxPending,
  outboxOldestAge,
  consumerPending,
  consumerAckPending,
} from './metrics';
