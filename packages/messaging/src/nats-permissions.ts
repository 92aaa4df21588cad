import * as contracts from '@firstset/contracts';
import { auditRecordsContract, EVENT_STREAMS, healthCheckContract, type MessageContract } from '@firstset/contracts';
import { DLQ_STREAM, Namespace } from './namespace';

/**
 * Who may do what on the bus (ADR 0013). One table, from which every NATS server configuration is
 * generated (scripts/nats-config.mjs): a service answers only its own commands and queries and
 * publishes only its own events and dead letters; the gateway only sends requests. Passwords are
 * never here: the configuration names an environment variable per user (`$NATS_PASSWORD_<USER>`).
 */
export const NATS_USERS = {
  intake: { role: 'service' },
  'preliminary-review': { role: 'service' },
  'expert-management': { role: 'service' },
  publicity: { role: 'service' },
  compliance: { role: 'service' },
  // Reads every stream into its own projection and answers its queries; publishes no event (ADR 0029).
  oversight: { role: 'projection' },
  gateway: { role: 'requester' },
  // Signs the audit chains' heads and keeps the checkpoints on JetStream (ADR 0027).
  'audit-checkpoint': { role: 'checkpointer' },
  // An operator's dead-letter command (scripts/dlq.mjs, ADR 0036): reads and removes dead letters and
  // replays them to their event subjects; it answers nothing and manages no stream.
  'dlq-operator': { role: 'operator' },
} as const satisfies Record<string, { role: 'service' | 'projection' | 'requester' | 'checkpointer' | 'operator' }>;

export type NatsUserName = keyof typeof NATS_USERS;

/** A user's resolved permissions, wire subjects (namespaced). */
export interface NatsUserPermissions {
  user: string;
  /** The environment variable the server reads the user's password from. */
  passwordEnv: string;
  publish: string[];
  subscribe: string[];
  /** May reply to the requests it received (and only for their lifetime). */
  allowResponses: boolean;
}

export interface NatsPermissionOptions {
  /** Test namespace: `<ns>.` before subjects, `<ns>_` before stream names. */
  namespace?: string;
  /** Tests only: services may also answer `ops.clock.set` (CLOCK_CONTROL=1). */
  clockControl?: boolean;
}

/** Replies to this connection's own requests (JetStream API, PubAcks, pull batches, RPC). */
const INBOX = '_INBOX.>';
/** The JetStream API subjects every connection's JetStream manager asks on connect / by subject. */
const JS_ACCOUNT_INFO = '$JS.API.INFO';
const JS_STREAM_NAMES = '$JS.API.STREAM.NAMES';
const CLOCK_SET = 'ops.clock.set';

export const passwordEnvOf = (user: string) => `NATS_PASSWORD_${user.toUpperCase().replace(/-/g, '_')}`;

const serviceOf = (subject: string) => subject.split('.')[0] as string;

const allContracts = (): MessageContract[] =>
  (Object.values(contracts) as unknown[]).filter(
    (v): v is MessageContract => typeof v === 'object' && v !== null && 'subject' in v && 'kind' in v && 'schema' in v,
  );

/** Each service's command and query subjects (logical), with its health check and its audit records (ADR 0028). */
export function requestSubjectsOf(service: string): string[] {
  const own = allContracts()
    .filter((c) => c.kind !== 'event' && serviceOf(c.subject) === service)
    .map((c) => c.subject);
  return [...new Set([...own, healthCheckContract(service).subject, auditRecordsContract(service).subject])].sort();
}

const SERVICE_QUERY_SUBJECTS = () => new Set(allContracts().filter((c) => c.kind === 'query' && c.callers).map((c) => c.subject));

/** Other services' queries this service may ask (ADR 0019). */
export function queriesAskedBy(service: string): string[] {
  return allContracts()
    .filter((c) => c.kind === 'query' && c.callers?.includes(service) && serviceOf(c.subject) !== service)
    .map((c) => c.subject)
    .sort();
}

/** The event stream a service owns (logical name) and its subjects, from EVENT_STREAMS. */
export function ownStreamOf(service: string): { name: string; subjects: string[] } | undefined {
  for (const [name, list] of Object.entries(EVENT_STREAMS)) {
    const owners = new Set(list.map((c) => serviceOf(c.subject)));
    if (owners.size !== 1) throw new Error(`stream ${name} mixes the events of ${[...owners].join(', ')}`);
    if (owners.has(service)) return { name, subjects: list.map((c) => c.subject) };
  }
  return undefined;
}

function servicePermissions(service: string, ns: Namespace, options: NatsPermissionOptions, projection = false): NatsUserPermissions {
  const own = ownStreamOf(service) ?? (projection ? { name: '', subjects: [] } : undefined);
  if (!own) throw new Error(`service ${service} owns no stream in EVENT_STREAMS`);
  // Every service ensures every platform stream and the DLQ at start (platformImports), so that a
  // consumer binds whatever the start order; stream config comes from the shared contracts, so
  // this grants management, never the right to publish another service's events.
  const streams = [...Object.keys(EVENT_STREAMS), DLQ_STREAM].map((s) => ns.stream(s));
  const eventStreams = Object.keys(EVENT_STREAMS).map((s) => ns.stream(s));
  const publish = [
    ...own.subjects.map((s) => ns.subject(s)),
    ns.subject(`dlq.${service}.>`),
    JS_ACCOUNT_INFO,
    JS_STREAM_NAMES,
    ...streams.flatMap((s) => [`$JS.API.STREAM.INFO.${s}`, `$JS.API.STREAM.CREATE.${s}`, `$JS.API.STREAM.UPDATE.${s}`]),
    // Durable pull consumers on the event streams (not the DLQ): create/update, info, pull, ack.
    ...eventStreams.flatMap((s) => [
      `$JS.API.CONSUMER.CREATE.${s}.>`,
      `$JS.API.CONSUMER.INFO.${s}.*`,
      `$JS.API.CONSUMER.MSG.NEXT.${s}.*`,
      `$JS.ACK.${s}.>`,
    ]),
  ];
  // Queries of other services this one may ask (ADR 0019): the contract names it among its callers.
  publish.push(...queriesAskedBy(service).map((s) => ns.subject(s)));
  const subscribe = [...requestSubjectsOf(service).map((s) => ns.subject(s)), INBOX];
  if (options.clockControl) subscribe.push(ns.subject(CLOCK_SET));
  return { user: service, passwordEnv: passwordEnvOf(service), publish, subscribe, allowResponses: true };
}

function requesterPermissions(user: string, ns: Namespace): NatsUserPermissions {
  const services = Object.entries(NATS_USERS).filter(([, u]) => u.role === 'service' || u.role === 'projection').map(([name]) => name);
  return {
    user,
    passwordEnv: passwordEnvOf(user),
    // Requests to every service, and the account info its JetStream manager asks on connect.
    // Never a service's query meant for other services (ADR 0019): those are answered unsigned.
    publish: [
      ...services.flatMap((s) => requestSubjectsOf(s).filter((x) => !SERVICE_QUERY_SUBJECTS().has(x)).map((x) => ns.subject(x))),
      JS_ACCOUNT_INFO,
    ],
    // Its replies only: the gateway answers nothing over NATS (its health is HTTP).
    subscribe: [INBOX],
    allowResponses: false,
  };
}

/** The JetStream stream and subjects of the signed audit checkpoints (scripts/audit-stream.mjs, ADR 0027). */
export const AUDIT_CHECKPOINT_STREAM = 'AUDIT_CHECKPOINTS';
export const AUDIT_CHECKPOINT_SUBJECTS = 'audit.checkpoints.>';

/**
 * The checkpoint signer publishes checkpoints to their stream and may create it (no delete, no
 * purge: the stream denies both anyway); it reads nothing and answers nothing.
 */
function checkpointerPermissions(user: string, ns: Namespace): NatsUserPermissions {
  const stream = ns.stream(AUDIT_CHECKPOINT_STREAM);
  return {
    user,
    passwordEnv: passwordEnvOf(user),
    publish: [ns.subject(AUDIT_CHECKPOINT_SUBJECTS), JS_ACCOUNT_INFO, `$JS.API.STREAM.INFO.${stream}`, `$JS.API.STREAM.CREATE.${stream}`],
    subscribe: [INBOX],
    allowResponses: false,
  };
}

/** Reads the dead-letter stream, removes a letter, and publishes an event again to its own subject. */
function operatorPermissions(user: string, ns: Namespace): NatsUserPermissions {
  const dlq = ns.stream(DLQ_STREAM);
  const events = Object.values(EVENT_STREAMS).flatMap((list) => list.map((c) => ns.subject(c.subject)));
  return {
    user,
    passwordEnv: passwordEnvOf(user),
    publish: [...events, JS_ACCOUNT_INFO, `$JS.API.STREAM.INFO.${dlq}`, `$JS.API.STREAM.MSG.GET.${dlq}`, `$JS.API.STREAM.MSG.DELETE.${dlq}`],
    subscribe: [INBOX],
    allowResponses: false,
  };
}

/** Every user's permissions for a namespace (none in production and the committed configs). */
export function natsPermissions(options: NatsPermissionOptions = {}): NatsUserPermissions[] {
  const ns = new Namespace(options.namespace);
  return Object.entries(NATS_USERS).map(([user, { role }]) =>
    role === 'requester'
      ? requesterPermissions(user, ns)
      : role === 'checkpointer'
        ? checkpointerPermissions(user, ns)
        : role === 'operator'
          ? operatorPermissions(user, ns)
          : servicePermissions(user, ns, options, role === 'projection'),
  );
}

export interface RenderOptions extends NatsPermissionOptions {
  /**
   * Development only: a user with every permission that connections without credentials become
   * (`no_auth_user`) — the test suite's own harness connections on `./run`'s nats-server.
   */
  harnessUser?: string;
  /** Header comment naming what generated the file. */
  header?: string;
}

const quote = (s: string) => JSON.stringify(s);
const list = (items: string[], indent: string) =>
  `[\n${items.map((i) => `${indent}  ${quote(i)}`).join(',\n')}\n${indent}]`;

/** The `authorization` block of a nats-server configuration file. */
export function renderNatsAuthConfig(options: RenderOptions = {}): string {
  const users = natsPermissions(options).map((u) =>
    [
      '    {',
      `      user: ${quote(u.user)}`,
      `      password: $${u.passwordEnv}`,
      '      permissions: {',
      `        publish: { allow: ${list(u.publish, '        ')} }`,
      `        subscribe: { allow: ${list(u.subscribe, '        ')} }`,
      ...(u.allowResponses ? ['        allow_responses: true'] : []),
      '      }',
      '    }',
    ].join('\n'),
  );
  if (options.harnessUser) {
    users.push(
      [
        '    {',
        `      user: ${quote(options.harnessUser)}`,
        `      password: $${passwordEnvOf(options.harnessUser)}`,
        '    }',
      ].join('\n'),
    );
  }
  const header = (options.header ?? '').split('\n').filter(Boolean).map((l) => `# ${l}`);
  return [
    ...header,
    ...(options.harnessUser ? [`no_auth_user: ${quote(options.harnessUser)}`] : []),
    'authorization {',
    '  users = [',
    users.join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}
