/**
 * A message contract: the logical (un-namespaced) subject, its kind and the class-validator DTO
 * that its payload must satisfy. Producers and consumers import the same object.
 */
export type MessageKind = 'event' | 'command' | 'query';

export interface MessageContract<T = unknown> {
  readonly subject: string;
  readonly kind: MessageKind;
  readonly schema: new () => T;
}

/** Subjects are versioned in their last token (`….v1`); a breaking change is a new version. */
const SUBJECT = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+\.v[0-9]+$/;

export function defineContract<T>(kind: MessageKind, subject: string, schema: new () => T): MessageContract<T> {
  if (!SUBJECT.test(subject)) throw new Error(`contract subject "${subject}" is not <service>.<noun>.<verb>.v<N>`);
  return Object.freeze({ kind, subject, schema });
}

export const defineEvent = <T>(subject: string, schema: new () => T) => defineContract('event', subject, schema);
export const defineCommand = <T>(subject: string, schema: new () => T) => defineContract('command', subject, schema);
export const defineQuery = <T>(subject: string, schema: new () => T) => defineContract('query', subject, schema);
