import { EDGE_LIMITS, MULTILINE_TEXT, PROTOTYPE_KEYS, textProblem } from '@firstset/contracts';
import { getMetadataStorage, ValidationError } from 'class-validator';
import { describeConstraint, type FieldError } from './validation-messages';

/** Why a JSON text was refused at the edge, before any DTO saw it. */
export interface EdgeRefusal {
  /** `MALFORMED_JSON` (not JSON, or not UTF-8), `JSON_TOO_DEEP`, `JSON_TOO_LARGE`, or `VALIDATION_FAILED` (a value or key the rules refuse). */
  code: 'MALFORMED_JSON' | 'JSON_TOO_DEEP' | 'JSON_TOO_LARGE' | 'VALIDATION_FAILED';
  detail?: string;
  errors?: FieldError[];
}

export type EdgeParse = { ok: true; value: unknown } | { ok: false; refusal: EdgeRefusal };

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether a JSON text nests deeper than `max`, found by one pass over its characters (strings
 * skipped) before any parser or validator recurses into it: a body nested 10,000 deep is refused
 * here instead of overflowing the stack further in.
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}

const refused = (field: string, rule: string, args: unknown[] = []): FieldError => ({ field, message: describeConstraint(rule, args), rule });
const MAX_ERRORS = 20;

/**
 * The values of a parsed body that no command or query accepts, by dotted path: prototype keys
 * (`__proto__`, `constructor`, `prototype`), control characters in any key or string (tab and line
 * breaks pass here; single-line fields refuse them in `textRuleErrors`), unpaired surrogates, and
 * numbers beyond ±(2^53−1), which JSON.parse has already rounded or made infinite. Iterative: the
 * depth was bounded before parsing.
 */
export function jsonValueErrors(root: unknown): FieldError[] {
  const errors: FieldError[] = [];
  // Paths are built only for what is refused: each entry knows its key and its parent's entry.
  type Entry = { value: unknown; key: string; parent: Entry | undefined };
  const pathOf = (e: Entry | undefined): string => (e?.parent ? (e.parent.parent ? `${pathOf(e.parent)}.${e.key}` : e.key) : '');
  const stack: Entry[] = [{ value: root, key: '', parent: undefined }];
  while (stack.length > 0 && errors.length < MAX_ERRORS) {
    const entry = stack.pop()!;
    const value = entry.value;
    if (typeof value === 'string') {
      const problem = textProblem(value, true);
      if (problem) errors.push(refused(pathOf(entry), problem));
    } else if (typeof value === 'number') {
      if (!(Math.abs(value) <= EDGE_LIMITS.maxAbsNumber)) errors.push(refused(pathOf(entry), 'safeNumber'));
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], key: String(i), parent: entry });
    } else if (value !== null && typeof value === 'object') {
      for (const key in value) {
        if (PROTOTYPE_KEYS.has(key)) errors.push(refused(pathOf({ value: undefined, key, parent: entry }), 'prototypeKey'));
        else if (textProblem(key, false)) errors.push(refused(pathOf(entry), 'controlCharacters'));
        else stack.push({ value: (value as Record<string, unknown>)[key], key, parent: entry });
      }
    }
  }
  return errors;
}

/**
 * Parses a command's or query's JSON at the edge: size and depth bounded before parsing, then the
 * values checked (`jsonValueErrors`). The gateway parses HTTP bodies with it and `RpcServer` NATS
 * payloads, so a body refused at either edge is refused for the same reason in the same words.
 */
export function parseJsonAtEdge(text: string): EdgeParse {
  // A UTF-16 unit is at most 3 UTF-8 bytes: count the bytes only when the length leaves it open.
  const max = EDGE_LIMITS.maxJsonBytes;
  if (text.length > max || (text.length * 3 > max && Buffer.byteLength(text, 'utf8') > max)) {
    return { ok: false, refusal: { code: 'JSON_TOO_LARGE', detail: `at most ${EDGE_LIMITS.maxJsonBytes} bytes` } };
  }
  if (jsonNestsDeeperThan(text, EDGE_LIMITS.maxDepth)) {
    return { ok: false, refusal: { code: 'JSON_TOO_DEEP', detail: `objects and lists nest at most ${EDGE_LIMITS.maxDepth} deep` } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, refusal: { code: 'MALFORMED_JSON', detail: err instanceof Error ? err.message : String(err) } };
  }
  const errors = jsonValueErrors(value);
  return errors.length ? { ok: false, refusal: { code: 'VALIDATION_FAILED', errors } } : { ok: true, value };
}

/** `parseJsonAtEdge` of UTF-8 bytes (a NATS payload); bytes that are not UTF-8 are malformed. */
export function parseJsonBytesAtEdge(data: Uint8Array): EdgeParse {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return { ok: false, refusal: { code: 'MALFORMED_JSON', detail: 'not UTF-8' } };
  }
  return parseJsonAtEdge(text);
}

const multilineCache = new WeakMap<object, Set<string>>();

/** The properties of a DTO class marked `@MultilineText()`. */
function multilineOf(ctor: new () => unknown): Set<string> {
  let props = multilineCache.get(ctor);
  if (!props) {
    const rules = getMetadataStorage().getTargetValidationMetadatas(ctor, undefined as unknown as string, false, false);
    props = new Set(rules.filter((r) => r.name === MULTILINE_TEXT).map((r) => r.propertyName));
    multilineCache.set(ctor, props);
  }
  return props;
}

function textError(target: object, property: string, value: unknown, rule: string): ValidationError {
  const e = new ValidationError();
  Object.assign(e, { target, property, value, children: [], constraints: { [rule]: describeConstraint(rule) } });
  return e;
}

/**
 * The text rules a validated DTO instance (body, query or payload) breaks, as class-validator
 * errors so that they are worded and reported with the DTO's own: control characters anywhere,
 * tabs and line breaks outside `@MultilineText()` fields. Query strings and path values meet the
 * rules here, since they never pass through `parseJsonAtEdge`.
 */
export function textRuleErrors(instance: unknown, depth = 0): ValidationError[] {
  if (instance === null || typeof instance !== 'object' || depth > EDGE_LIMITS.maxDepth) return [];
  const ctor = (instance as object).constructor;
  // A free-form object (an `@IsObject()` map): its strings may be multi-line; its own rules are the DTO's.
  const multiline = ctor && ctor !== Object ? multilineOf(ctor as new () => unknown) : undefined;
  const errors: ValidationError[] = [];
  for (const [key, value] of Object.entries(instance)) {
    const allowsLines = multiline === undefined || multiline.has(key);
    const strings = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    const problem = strings.map((s) => textProblem(s, allowsLines)).find((p) => p !== undefined);
    if (problem) {
      errors.push(textError(instance, key, value, problem));
      continue;
    }
    const nested = Array.isArray(value) ? value : value !== null && typeof value === 'object' ? [value] : [];
    const children = nested.flatMap((v, i) => {
      const inner = textRuleErrors(v, depth + 1);
      if (!Array.isArray(value) || inner.length === 0) return inner;
      const element = new ValidationError();
      Object.assign(element, { target: value, property: String(i), value: v, children: inner, constraints: {} });
      return [element];
    });
    if (children.length) {
      const parent = new ValidationError();
      Object.assign(parent, { target: instance, property: key, value, children, constraints: {} });
      errors.push(parent);
    }
  }
  return errors;
}
