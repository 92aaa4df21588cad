export { defineContract, type MessageContract, type MessageKind, type PayloadOf } from './contract';
export { HEADER, isUuid, metaFromHeaders, metaToHeaders, type ActorContext, type MessageMeta } from './headers';
export {
  MessagingErrorCode,
  RemoteServiceError,
  ServiceError,
  type ErrorBody,
  type ReplyEnvelope,
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
export { NatsClient } from './nats-client';
export {
  NATS_USERS,
  natsPermissions,
  ownStreamOf,
  passwordEnvOf,
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
} from './inbox-consumer';
export { RpcServer, type RpcHandler } from './rpc-server';
export { RpcClient, type RpcRequestOptions } from './rpc-client';
export { MessagingHealth, type MessagingHealthStatus } from './messaging-health';
export { MessagingModule, type MessagingModuleAsyncOptions } from './messaging.module';
export * from './pg-executor';
export { systemRequestId } from './log';
export { canonicalJson, canonicalSha256 } from './canonical-json';
