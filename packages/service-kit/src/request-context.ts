// The per-message log context lives with the transports that set it (they run every handler in it).
export { requestContext, type RequestContext } from '@firstset/messaging';
