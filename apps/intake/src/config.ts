import { MEDIA_TYPE_IDS } from '@firstset/object-storage';
import { ConfigError, loadServiceConfig } from '@firstset/service-kit';

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
  /** Missing required materials (M7.4) block submission; off, they are warnings of the check. */
  materialsRequiredForSubmission: boolean;
  /** Credit source at submission (M5.1, M7.4(2)): the uploaded special credit report, the simulator, or a credit platform. */
  creditCheck?: 'special_credit_report' | 'simulator' | 'credit_platform';
  /** The credit platform's batch-check interface (INTAKE_CREDIT_PLATFORM_URL, _KEY, _TIMEOUT_MS). */
  creditPlatform?: { url: string; key: string; timeoutMs: number };
  /** The simulator's records by credit code (INTAKE_CREDIT_SIMULATOR, JSON). */
  creditSimulator?: Record<string, { seriousDishonesty?: boolean; abnormalOperations?: boolean }>;
}

export const INTAKE_SETTINGS = Symbol('INTAKE_SETTINGS');
const TYPES: string[] = MEDIA_TYPE_IDS;

export function loadIntakeSettings(env: NodeJS.ProcessEnv = process.env): IntakeSettings {
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
    materialsRequiredForSubmission: (env.INTAKE_MATERIALS_REQUIRED ?? '0').trim() === '1',
    creditCheck: creditSource(env),
    creditSimulator: simulatorRecords(env),
    creditPlatform: creditPlatform(env),
  };
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
  const timeoutMs = Number((env.INTAKE_CREDIT_PLATFORM_TIMEOUT_MS ?? '').trim() || 3000);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000) throw new ConfigError('INTAKE_CREDIT_PLATFORM_TIMEOUT_MS must be 100–60000');
  return { url, key, timeoutMs };
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
