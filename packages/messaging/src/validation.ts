import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate } from 'class-validator';
import { textRuleErrors } from './edge-input';
import { fieldErrorsOf, type FieldError } from './validation-messages';

export type { FieldError } from './validation-messages';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

type Storage = ReturnType<typeof getMetadataStorage> & Record<string, (...args: never[]) => unknown>;
const CACHED = Symbol.for('firstset.class-validator.metadata-cache');

/**
 * class-validator looks up a class's rules afresh for every object it validates, scanning every
 * class it knows for inheritance: for a 10 KB application form of ~40 nested objects that was a
 * third of a submission's CPU. The rules only change when decorators run (at import), so the
 * lookups are remembered until the next rule is added. Installed once per process, on import.
 */
export function cacheValidationMetadata(storage = getMetadataStorage() as Storage): void {
  if ((storage as unknown as Record<symbol, boolean>)[CACHED]) return;
  (storage as unknown as Record<symbol, boolean>)[CACHED] = true;
  let targets = new Map<string, unknown>();
  let grouped = new WeakMap<object, unknown>();
  const ids = new WeakMap<object, number>();
  let next = 0;
  const idOf = (o: unknown) => {
    if (typeof o !== 'function' && (typeof o !== 'object' || o === null)) return `v:${String(o)}`;
    if (!ids.has(o)) ids.set(o, ++next);
    return `o:${ids.get(o)}`;
  };
  const lookup = storage.getTargetValidationMetadatas.bind(storage) as (...a: unknown[]) => unknown;
  const group = storage.groupByPropertyName.bind(storage) as (m: unknown) => unknown;
  for (const add of ['addValidationMetadata', 'addValidationSchema', 'addConstraintMetadata'] as const) {
    const original = (storage[add] as (...a: unknown[]) => unknown).bind(storage);
    (storage as unknown as Record<string, unknown>)[add] = (...a: unknown[]) => {
      targets = new Map();
      grouped = new WeakMap();
      return original(...a);
    };
  }
  (storage as unknown as Record<string, unknown>).getTargetValidationMetadatas = (
    target: unknown,
    schema: unknown,
    always: unknown,
    strict: unknown,
    groups?: string[],
  ) => {
    const key = `${idOf(target)}|${idOf(schema)}|${String(always)}|${String(strict)}|${JSON.stringify(groups ?? null)}`;
    if (!targets.has(key)) targets.set(key, lookup(target, schema, always, strict, groups));
    return targets.get(key);
  };
  (storage as unknown as Record<string, unknown>).groupByPropertyName = (metadata: object) => {
    if (!grouped.has(metadata)) grouped.set(metadata, group(metadata));
    return grouped.get(metadata);
  };
}
cacheValidationMetadata();

/**
 * Validates a decoded message payload against a contract's DTO: `plainToInstance`, then
 * class-validator with whitelist + forbidNonWhitelisted (an unknown property is an error). With
 * `edge`, for commands and queries as they arrive, the edge's text rules too (`textRuleErrors`:
 * no control characters, single-line text outside `@MultilineText()` fields).
 */
export async function validatePayload<T>(schema: new () => T, plain: unknown, opts: { edge?: boolean } = {}): Promise<ValidationResult<T>> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    return { ok: false, errors: [{ field: '', message: '须为一组字段 / the payload must be a JSON object', rule: 'isObject' }] };
  }
  const instance = plainToInstance(schema, plain) as T & object;
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    // The instance is always of the contract's class; a contract without properties (EmptyDto)
    // has no validation metadata and must accept {} while whitelisting still refuses any key.
    forbidUnknownValues: false,
  });
  if (opts.edge) errors.push(...textRuleErrors(instance));
  if (errors.length > 0) return { ok: false, errors: fieldErrorsOf(errors) };
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
