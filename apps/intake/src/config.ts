import { MEDIA_TYPE_IDS } from '@firstset/object-storage';
import { ConfigError, loadServiceConfig, withFileSecrets } from '@firstset/service-kit';

export const SERVICE_NAME = 'intake';
export const loadConfig = () => loadServiceConfig(SERVICE_NAME, { healthPort: 3101 });

/** Intake's own settings (materials policy), read once at boot; the only other reader of process.env here. */
export interface IntakeSettings {
  /** Largest single file (bytes); at most 2 GiB − 1. */
  materialMaxFileBytes: number;
  /** Largest total of one application's current files (bytes). */
  materialMaxApplicationBytes: number;
  /** File types the Department accepts, by content (pdf, ofd, jpg, png, docx, xlsx). */
  materialTypes: string[];
  /** Record an SM3 hash beside SHA-256 (national algorithms). */
  hashSm3: boolean;
  /**
   * The enterprise reads the officers' and reviewers' names on its timeline (issue 20 item 5;
   * INTAKE_TIMELINE_NAMES_TO_ENTERPRISE=1). Off by default: it reads the body that acted, not the person.
   */
  timelineNamesToEnterprise?: boolean;
  /** Credit source at submission (M5.1, M7.4(2)): the uploaded special credit report, the simulator, or a credit platform. */
  creditCheck?: 'special_credit_report' | 'simulator' | 'credit_platform';
  /** The credit platform's batch-check interface (INTAKE_CREDIT_PLATFORM_URL, _KEY, _TIMEOUT_MS). */
  creditPlatform?: { url: string; key: string; timeoutMs: number };
  /** SMS through an HTTP gateway (INTAKE_SMS=http with INTAKE_SMS_URL, _KEY, _SIGN, _TIMEOUT_MS); absent: the simulator. */
  sms?: { url: string; key: string; signName: string; timeoutMs: number };
  /** E-mail through a mail relay (INTAKE_EMAIL=smtp with INTAKE_SMTP_URL, INTAKE_MAIL_FROM, INTAKE_SMTP_TIMEOUT_MS); absent: the simulator. */
  email?: { url: string; from: string; timeoutMs: number };
  /** The simulator's records by credit code (INTAKE_CREDIT_SIMULATOR, JSON). */
  creditSimulator?: Record<string, { seriousDishonesty?: boolean; abnormalOperations?: boolean }>;
}

export const INTAKE_SETTINGS = Symbol('INTAKE_SETTINGS');
const TYPES: string[] = MEDIA_TYPE_IDS;

export function loadIntakeSettings(rawEnv: NodeJS.ProcessEnv = process.env): IntakeSettings {
  // INTAKE_SMS_KEY_FILE, INTAKE_SMTP_URL_FILE, INTAKE_CREDIT_PLATFORM_KEY_FILE (ADR 0035).
  const env = withFileSecrets(rawEnv);
  const int = (key: string, fallback: number, max: number) => {
    const value = Number((env[key] ?? '').trim() || fallback);
    if (!Number.isInteger(value) || value < 1 || value > max) throw new ConfigError(`${key} must be an integer 1–${max}`);
    return value;
  };
  const types = (env.INTAKE_MATERIAL_TYPES ?? '').trim() ? env.INTAKE_MATERIAL_TYPES!.split(',').map((t) => t.trim()) : TYPES;
  const unknown = types.filter((t) => !TYPES.includes(t));
  if (unknown.length) throw new ConfigError(`INTAKE_MATERIAL_TYPES: unknown type(s) ${unknown.join(', ')}; allowed ${TYPES.join(', ')}`);
  return {
    materialMaxFileBytes: int('INTAKE_MATERIAL_MAX_FILE_BYTES', 200 * 1024 * 1024, 2 ** 31 - 1),
    materialMaxApplicationBytes: int('INTAKE_MATERIAL_MAX_APPLICATION_BYTES', 2 * 1024 ** 3, Number.MAX_SAFE_INTEGER),
    materialTypes: types,
    hashSm3: (env.INTAKE_HASH_SM3 ?? '0').trim() === '1',
    timelineNamesToEnterprise: (env.INTAKE_TIMELINE_NAMES_TO_ENTERPRISE ?? '0').trim() === '1',
    creditCheck: creditSource(env),
    creditSimulator: simulatorRecords(env),
    creditPlatform: creditPlatform(env),
    sms: smsGateway(env),
    email: mailRelay(env),
  };
}

function timeoutOf(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const ms = Number((env[key] ?? '').trim() || fallback);
  if (!Number.isInteger(ms) || ms < 100 || ms > 60_000) throw new ConfigError(`${key} must be 100–60000`);
  return ms;
}

function smsGateway(env: NodeJS.ProcessEnv): IntakeSettings['sms'] {
  const mode = (env.INTAKE_SMS ?? '').trim() || 'simulator';
  if (mode === 'simulator') return undefined;
  if (mode !== 'http') throw new ConfigError('INTAKE_SMS must be simulator or http');
  const url = (env.INTAKE_SMS_URL ?? '').trim();
  const key = (env.INTAKE_SMS_KEY ?? '').trim();
  const signName = (env.INTAKE_SMS_SIGN ?? '').trim();
  if (!/^https?:\/\//.test(url)) throw new ConfigError('INTAKE_SMS_URL must be the http(s) URL of the SMS gateway');
  if (!key) throw new ConfigError('INTAKE_SMS_KEY is required with INTAKE_SMS=http');
  if (!/^【[^【】]{2,12}】$/.test(signName)) throw new ConfigError('INTAKE_SMS_SIGN must be the registered signature, e.g. 【内蒙古工信厅】');
  return { url, key, signName, timeoutMs: timeoutOf(env, 'INTAKE_SMS_TIMEOUT_MS', 5000) };
}

function mailRelay(env: NodeJS.ProcessEnv): IntakeSettings['email'] {
  const mode = (env.INTAKE_EMAIL ?? '').trim() || 'simulator';
  if (mode === 'simulator') return undefined;
  if (mode !== 'smtp') throw new ConfigError('INTAKE_EMAIL must be simulator or smtp');
  const url = (env.INTAKE_SMTP_URL ?? '').trim();
  const from = (env.INTAKE_MAIL_FROM ?? '').trim();
  if (!/^smtps?:\/\/[^/]+/.test(url)) throw new ConfigError('INTAKE_SMTP_URL must be smtp://user:password@host:port or smtps://…');
  if (!/@/.test(from)) throw new ConfigError('INTAKE_MAIL_FROM must be the sender address, e.g. 工信厅 <noreply@example.gov.cn>');
  return { url, from, timeoutMs: timeoutOf(env, 'INTAKE_SMTP_TIMEOUT_MS', 10_000) };
}

function creditSource(env: NodeJS.ProcessEnv): IntakeSettings['creditCheck'] {
  const source = (env.INTAKE_CREDIT_CHECK ?? '').trim() || 'special_credit_report';
  if (source !== 'special_credit_report' && source !== 'simulator' && source !== 'credit_platform') {
    throw new ConfigError('INTAKE_CREDIT_CHECK must be special_credit_report, simulator or credit_platform');
  }
  return source;
}

function creditPlatform(env: NodeJS.ProcessEnv): IntakeSettings['creditPlatform'] {
  if ((env.INTAKE_CREDIT_CHECK ?? '').trim() !== 'credit_platform') return undefined;
  const url = (env.INTAKE_CREDIT_PLATFORM_URL ?? '').trim();
  const key = (env.INTAKE_CREDIT_PLATFORM_KEY ?? '').trim();
  if (!/^https?:\/\//.test(url)) throw new ConfigError('INTAKE_CREDIT_PLATFORM_URL must be the http(s) URL of the batch-check interface');
  if (!key) throw new ConfigError('INTAKE_CREDIT_PLATFORM_KEY is required with INTAKE_CREDIT_CHECK=credit_platform');
  return { url, key, timeoutMs: timeoutOf(env, 'INTAKE_CREDIT_PLATFORM_TIMEOUT_MS', 3000) };
}

function simulatorRecords(env: NodeJS.ProcessEnv): IntakeSettings['creditSimulator'] {
  const text = (env.INTAKE_CREDIT_SIMULATOR ?? '').trim();
  if (!text) return {};
  try {
    return JSON.parse(text) as IntakeSettings['creditSimulator'];
  } catch {
    throw new ConfigError('INTAKE_CREDIT_SIMULATOR must be JSON: {"<credit code>": {"seriousDishonesty": true}}');
  }
}
