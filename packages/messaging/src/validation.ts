import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';

export interface FieldError {
  field: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * Validates a decoded message payload against a contract's DTO: `plainToInstance`, then
 * class-validator with whitelist + forbidNonWhitelisted (an unknown property is an error).
 */
export async function validatePayload<T>(schema: new () => T, plain: unknown): Promise<ValidationResult<T>> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    return { ok: false, errors: [{ field: '', message: 'payload must be a JSON object' }] };
  }
  const instance = plainToInstance(schema, plain) as T & object;
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    // The instance is always of the contract's class; a contract without properties (EmptyDto)
    // has no validation metadata and must accept {} while whitelisting still refuses any key.
    forbidUnknownValues: false,
  });
  if (errors.length > 0) return { ok: false, errors: flatten(errors) };
  return { ok: true, value: instance };
}

/** Decodes a message body as UTF-8 JSON. */
export function decodeJson(data: Uint8Array): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data)) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}
