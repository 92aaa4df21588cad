// Writes the gateway's OpenAPI document to src/shared/api/generated/openapi.json (the input of
// openapi-typescript), or with --check fails when the committed snapshot differs from what the
// gateway describes now. It builds the document from the gateway's compiled module in Nest's
// preview mode: no database, no NATS, nothing listening. Needs `apps/gateway` built.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const gatewayDist = join(here, '..', '..', 'gateway', 'dist');
const snapshot = join(here, '..', 'src', 'shared', 'api', 'generated', 'openapi.json');
const require = createRequire(join(gatewayDist, 'main.js'));

require('reflect-metadata');
const { NestFactory } = require('@nestjs/core');
const { loadGatewayConfig } = require(join(gatewayDist, 'config.js'));
const { gatewayModule } = require(join(gatewayDist, 'gateway.module.js'));
const { buildOpenApi } = require(join(gatewayDist, 'http', 'openapi.js'));

// Preview mode signs nothing: a throwaway key satisfies the config.
const config = loadGatewayConfig({
  DATABASE_URL: 'postgresql://unused@127.0.0.1/unused',
  PORT: '3000',
  LOG_LEVEL: 'silent',
  TOKEN_SECRET: randomBytes(32).toString('hex'),
  ACTOR_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
});
const app = await NestFactory.create(gatewayModule(config), { preview: true, logger: false, bodyParser: false });
app.setGlobalPrefix('api');
const document = buildOpenApi(app, 'http://127.0.0.1:3000');

// class-validator-jsonschema describes nested arrays without @Type as `$ref: #/components/schemas/Array`,
// which resolves to nothing; openapi-typescript refuses dangling refs. Such items become "any" here
// (reported, so that the gateway's document can be fixed at the source).
const known = new Set(Object.keys(document.components?.schemas ?? {}));
const dangling = new Set();
const resolve = (node) => {
  if (Array.isArray(node)) return node.map(resolve);
  if (!node || typeof node !== 'object') return node;
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/') && !known.has(ref.slice(21))) {
    dangling.add(ref);
    return {};
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v)]));
};
const json = `${JSON.stringify(resolve(document), null, 2)}\n`;
if (dangling.size) console.warn(`the gateway's OpenAPI has dangling refs, typed as any: ${[...dangling].join(', ')}`);

if (process.argv.includes('--check')) {
  const committed = readFileSync(snapshot, 'utf8');
  if (committed !== json) {
    console.error('apps/web/src/shared/api/generated/openapi.json is stale: run `npm run generate:api -w @firstset/web`');
    process.exit(1);
  }
  console.log('openapi.json matches the gateway');
} else {
  writeFileSync(snapshot, json);
  console.log(`wrote ${snapshot}`);
}
process.exit(0);
