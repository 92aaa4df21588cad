import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ActorSigner } from '@firstset/messaging';
import { ConfigError, loadServiceConfig, ServiceConfig, withFileSecrets } from '@firstset/service-kit';

export interface GatewayConfig extends ServiceConfig {
  port: number;
  /** HMAC key of the access tokens; every gateway replica shares it. */
  tokenSecret: string;
  /** Ed25519 private key (base64 PKCS#8 DER, ACTOR_SIGNING_KEY) that signs the actor of every request to a service (ADR 0015). */
  actorSigningKey: string;
  tokenTtlSeconds: number;
  /** How often each replica reloads revoked tokens (disabled accounts, sign-outs) from the database. */
  revocationPollMs: number;
  /** Value of the OpenAPI "servers" entry and of links in problem details. */
  publicBaseUrl: string;
  /** Requests a minute per signed-in user (or per address when anonymous). */
  rateLimitPerMinute: number;
  /** Sign-in attempts a minute per client address. */
  loginRateLimitPerMinute: number;
  /** Objections lodged anonymously an hour per client address (ADR 0025). */
  objectionRateLimitPerHour: number;
  /** Express `trust proxy`: set when a reverse proxy sets X-Forwarded-For (e.g. "1" or "loopback"). */
  trustProxy: string | false;
  /** The built web app served at `/` (WEB_DIST_DIR; default apps/web/dist in the repository), or null. */
  webDistDir: string | null;
  /** Roles whose accounts must sign in with a TOTP second factor (REQUIRE_TOTP_FOR, comma-separated; default none). */
  requireTotpFor: string[];
  /** Who may read /api/docs (API_DOCS): `public`, or `off`; off by default in production. */
  apiDocs: 'public' | 'off';
}

/** The roles REQUIRE_TOTP_FOR may name; `department` and `prefecture` are short for the officer roles. */
const TOTP_ROLES: Record<string, string> = {
  department: 'department_officer',
  department_officer: 'department_officer',
  prefecture: 'prefecture_officer',
  prefecture_officer: 'prefecture_officer',
  auditor: 'auditor',
  institution_staff: 'institution_staff',
  expert: 'expert',
  enterprise: 'enterprise',
};

function requireTotpFor(value: string | undefined): string[] {
  const names = (value ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !TOTP_ROLES[n]);
  if (unknown.length) throw new ConfigError(`REQUIRE_TOTP_FOR names unknown roles: ${unknown.join(', ')} (use ${Object.keys(TOTP_ROLES).join(', ')})`);
  return [...new Set(names.map((n) => TOTP_ROLES[n]))];
}

function apiDocs(env: NodeJS.ProcessEnv): 'public' | 'off' {
  const value = env.API_DOCS ?? (env.NODE_ENV === 'production' ? 'off' : 'public');
  if (value !== 'public' && value !== 'off') throw new ConfigError('API_DOCS must be public or off');
  return value;
}

/**
 * Keys that were once published in this repository (a development default): anyone can sign a
 * token with them, so the gateway refuses to start with one, in every environment.
 */
const PUBLISHED_SECRETS = new Set(['dev-only-secret-change-me-0123456789abcdef']);

/** Environment → typed gateway config; refuses to start without a private token key. */
export function loadGatewayConfig(rawEnv: NodeJS.ProcessEnv = process.env): GatewayConfig {
  // TOKEN_SECRET_FILE, ACTOR_SIGNING_KEY_FILE, … (secrets mounted as files; ADR 0035).
  const env = withFileSecrets(rawEnv);
  const base = loadServiceConfig('gateway', { healthPort: 0 }, env);
  const port = Number(env.PORT ?? 3000);
  const tokenSecret = tokenSecretOf(env.TOKEN_SECRET);
  const actorSigningKey = actorSigningKeyOf(env.ACTOR_SIGNING_KEY);
  const tokenTtlSeconds = Number(env.TOKEN_TTL_SECONDS ?? 900);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('PORT must be a port number');
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds < 60 || tokenTtlSeconds > 3600) {
    throw new ConfigError('TOKEN_TTL_SECONDS must be 60–3600 (tokens are short-lived)');
  }
  const revocationPollMs = Number(env.TOKEN_REVOCATION_POLL_MS ?? 2000);
  if (!Number.isInteger(revocationPollMs) || revocationPollMs < 100 || revocationPollMs > 60_000) {
    throw new ConfigError('TOKEN_REVOCATION_POLL_MS must be 100–60000');
  }
  const rateLimitPerMinute = Number(env.RATE_LIMIT_PER_MINUTE ?? 600);
  const loginRateLimitPerMinute = Number(env.LOGIN_RATE_LIMIT_PER_MINUTE ?? 20);
  const objectionRateLimitPerHour = Number(env.OBJECTION_RATE_LIMIT_PER_HOUR ?? 5);
  for (const [name, value] of [
    ['RATE_LIMIT_PER_MINUTE', rateLimitPerMinute],
    ['LOGIN_RATE_LIMIT_PER_MINUTE', loginRateLimitPerMinute],
    ['OBJECTION_RATE_LIMIT_PER_HOUR', objectionRateLimitPerHour],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a positive whole number`);
  }
  return {
    ...base,
    port,
    tokenSecret,
    actorSigningKey,
    tokenTtlSeconds,
    revocationPollMs,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${port}`,
    rateLimitPerMinute,
    loginRateLimitPerMinute,
    objectionRateLimitPerHour,
    trustProxy: env.TRUST_PROXY || false,
    webDistDir: webDistDir(env.WEB_DIST_DIR),
    requireTotpFor: requireTotpFor(env.REQUIRE_TOTP_FOR),
    apiDocs: apiDocs(env),
  };
}

/** Services act only on requests signed with this key; like the token key it has no default. */
function actorSigningKeyOf(value: string | undefined): string {
  if (!value) throw new ConfigError('ACTOR_SIGNING_KEY is required: the Ed25519 key that signs actors for the services (./run up generates one)');
  try {
    new ActorSigner(value);
  } catch {
    throw new ConfigError('ACTOR_SIGNING_KEY must be an Ed25519 private key, base64 of its PKCS#8 DER');
  }
  return value;
}

/** The token key has no default: `./run up` generates one per machine (.data/secrets), tests one per run. */
function tokenSecretOf(value: string | undefined): string {
  if (!value) throw new ConfigError('TOKEN_SECRET is required: a random string of 32+ characters (e.g. `openssl rand -hex 32`)');
  if (value.length < 32) throw new ConfigError('TOKEN_SECRET must be at least 32 characters');
  if (PUBLISHED_SECRETS.has(value)) throw new ConfigError('TOKEN_SECRET is a key published in the repository: generate a private one');
  return value;
}

function webDistDir(configured: string | undefined): string | null {
  if (configured) {
    const dir = resolve(configured);
    if (!existsSync(join(dir, 'index.html'))) throw new ConfigError(`WEB_DIST_DIR has no index.html: ${dir}`);
    return dir;
  }
  // In the repository (from src/ in tests and dist/ when built, ../../web is apps/web): its dist,
  // looked up per request, so that a rebuild of the web app needs no gateway restart.
  const web = resolve(__dirname, '..', '..', 'web');
  return existsSync(join(web, 'package.json')) ? join(web, 'dist') : null;
}
