// The dead-letter stream for operators (ADR 0036; docs/operations.md, "Dead letters"):
//   npm run dlq -- list [--service intake] [--limit 50]   what consumers gave up on, oldest first
//   npm run dlq -- show <seq>                             one letter, with its payload and headers
//   npm run dlq -- replay <seq>                           publish it again to its own subject, then remove it
//   npm run dlq -- discard <seq> --yes                    remove it without replaying (cannot be undone)
// Connects as NATS_USER (the `dlq-operator` user in production) to NATS_URL; NATS_NAMESPACE for a
// test run's namespace. Prints JSON; exits 1 on a refused command (no such letter), 2 on bad usage.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const fromMessaging = (name) => require(require.resolve(name, { paths: [join(root, 'packages/messaging')] }));
const { connect } = fromMessaging('@nats-io/transport-node');
const { jetstream, jetstreamManager } = fromMessaging('@nats-io/jetstream');
const { DeadLetters, DeadLetterError, Namespace } = require(join(root, 'packages/messaging/dist/index.js'));

const USAGE = 'usage: dlq list [--service <name>] [--limit <n>] | show <seq> | replay <seq> | discard <seq> --yes';

function parse(argv) {
  const [command, ...rest] = argv;
  const flags = {};
  const args = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--service' || rest[i] === '--limit') flags[rest[i].slice(2)] = rest[++i];
    else if (rest[i] === '--yes') flags.yes = true;
    else args.push(rest[i]);
  }
  return { command, flags, args };
}

function usage(message) {
  console.error(message ? `${message}\n${USAGE}` : USAGE);
  process.exit(2);
}

const { command, flags, args } = parse(process.argv.slice(2));
if (!['list', 'show', 'replay', 'discard'].includes(command)) usage(command ? `unknown command "${command}"` : undefined);
const seq = command === 'list' ? undefined : Number(args[0]);
if (command !== 'list' && !(Number.isSafeInteger(seq) && seq > 0)) usage(`${command} needs a sequence number`);
// A discarded letter is gone for good: the operator says so explicitly.
if (command === 'discard' && !flags.yes) usage(`discard removes letter ${seq} for good: show it first, then add --yes`);
const limit = flags.limit === undefined ? 50 : Number(flags.limit);
if (!(Number.isSafeInteger(limit) && limit > 0)) usage('--limit must be a positive whole number');

const nc = await connect({
  servers: (process.env.NATS_URL ?? 'nats://127.0.0.1:4222').split(',').map((s) => s.trim()),
  ...(process.env.NATS_USER ? { user: process.env.NATS_USER, pass: process.env.NATS_PASSWORD } : {}),
  name: 'dlq-operator',
});
let exit = 0;
try {
  const letters = new DeadLetters(await jetstreamManager(nc), jetstream(nc), new Namespace(process.env.NATS_NAMESPACE || undefined));
  let out;
  if (command === 'list') out = await letters.list({ limit, service: flags.service });
  else if (command === 'show') out = await letters.show(seq);
  else if (command === 'replay') out = { replayed: await letters.replay(seq) };
  else out = { discarded: (await letters.discard(seq), seq) };
  console.log(JSON.stringify(out, null, 2));
} catch (err) {
  if (!(err instanceof DeadLetterError)) throw err;
  console.error(JSON.stringify({ code: err.code, message: err.message }));
  exit = 1;
} finally {
  await nc.close();
}
process.exit(exit);
