/** The transport id of the JetStream server: `@Consumes` handlers bind to it and to nothing else. */
export const JETSTREAM_TRANSPORT = Symbol('JETSTREAM');
