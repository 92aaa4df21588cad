// The shape `packages/contracts` gives every message: a versioned logical subject, what kind of
// message it is, and the class-validator DTO its payload must satisfy.

export type MessageKind = 'event' | 'command' | 'query';

export interface MessageContract<T> {
  subject: string;
  kind: MessageKind;
  schema: new () => T;
}

/** Payload type of a contract. */
export type PayloadOf<C> = C extends MessageContract<infer T> ? T : never;

const SUBJECT_PATTERN = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.v[0-9]+$/;

export function defineContract<T>(
  kind: MessageKind,
  subject: string,
  schema: new () => T,
): MessageContract<T> {
  if (!SUBJECT_PATTERN.test(subject)) {
    throw new Error(
      `subject "${subject}" must be lower-case dot-separated tokens ending in a version (e.g. intake.application.submitted.v1)`,
    );
  }
  return Object.freeze({ subject, kind, schema });
}
