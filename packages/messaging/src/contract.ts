// The message shape is defined once, in `packages/contracts`; the messaging layer only consumes it.
import type { MessageContract } from '@firstset/contracts';

export { defineContract, type MessageContract, type MessageKind } from '@firstset/contracts';

/** Payload type of a contract. */
export type PayloadOf<C> = C extends MessageContract<infer T> ? T : never;
