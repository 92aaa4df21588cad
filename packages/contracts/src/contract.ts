/**
 * A message contract: the logical (un-namespaced) subject, its kind and the class-validator DTO
 * that its payload must satisfy. Producers and consumers import the same object. Commands and
 * queries also name their reply: a key of `ReplyRegistry`, whose JSON Schema the gateway's OpenAPI
 * document publishes (generated from the TypeScript, see scripts/reply-schemas.mjs).
 *
 * This module imports nothing: replies.ts fills `ReplyRegistry` in by declaration merging, so the
 * contracts, their reply views and the reply list depend on this file and never the other way round.
 */
export type MessageKind = 'event' | 'command' | 'query';

/**
 * Reply name → reply type. Empty here; replies.ts merges every reply into it
 * (`declare module './contract' { interface ReplyRegistry extends Replies {} }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface ReplyRegistry {}

/** The name of a reply type, as its schema is named in the OpenAPI document. */
export type ReplyName = keyof ReplyRegistry & string;

export interface MessageContract<T = unknown, R = unknown> {
  readonly subject: string;
  readonly kind: MessageKind;
  readonly schema: new () => T;
  /** The reply's name in `ReplyRegistry` (commands and queries). */
  readonly reply?: ReplyName;
  /**
   * Service to service (ADR 0019): the services that may send this query. Such a query is answered
   * without an actor token, and NATS permissions let only these callers (never the gateway) send it.
   */
  readonly callers?: readonly string[];
  /** Type only, never set: what the handler replies, so the compiler checks it against the contract. */
  readonly replyType?: R;
}

/** Subjects are versioned in their last token (`….v1`); a breaking change is a new version. */
const SUBJECT = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+\.v[0-9]+$/;

export function defineContract<T>(kind: MessageKind, subject: string, schema: new () => T, reply?: ReplyName): MessageContract<T> {
  if (!SUBJECT.test(subject)) throw new Error(`contract subject "${subject}" is not <service>.<noun>.<verb>.v<N>`);
  return Object.freeze(reply ? { kind, subject, schema, reply } : { kind, subject, schema });
}

export const defineEvent = <T>(subject: string, schema: new () => T) => defineContract('event', subject, schema);
export function defineCommand<T, K extends ReplyName>(subject: string, schema: new () => T, reply: K): MessageContract<T, ReplyRegistry[K]>;
export function defineCommand<T>(subject: string, schema: new () => T): MessageContract<T>;
export function defineCommand<T>(subject: string, schema: new () => T, reply?: ReplyName): MessageContract<T> {
  return defineContract('command', subject, schema, reply);
}

export function defineQuery<T, K extends ReplyName>(
  subject: string,
  schema: new () => T,
  reply: K,
  options?: { callers: readonly string[] },
): MessageContract<T, ReplyRegistry[K]>;
export function defineQuery<T>(subject: string, schema: new () => T): MessageContract<T>;
export function defineQuery<T>(subject: string, schema: new () => T, reply?: ReplyName, options?: { callers: readonly string[] }): MessageContract<T> {
  const contract = defineContract('query', subject, schema, reply);
  return options ? Object.freeze({ ...contract, callers: Object.freeze([...options.callers]) }) : contract;
}
