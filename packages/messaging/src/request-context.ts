import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-message context, so that every log line of a request carries its request id. */
export interface RequestContext {
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();
