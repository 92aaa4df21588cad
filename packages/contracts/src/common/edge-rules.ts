import { isLocalDate } from '@firstset/domain';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * The rules every command and query meets at the edge (the gateway's HTTP bodies and queries, and
 * each service's NATS payloads), before any DTO looks at its fields. One table, read by
 * `@firstset/messaging`'s `parseJsonAtEdge` and `textRuleErrors` on both sides (ADR 0011).
 */
export const EDGE_LIMITS = {
  /** Nesting of objects and arrays in a JSON body; the application form needs 5. */
  maxDepth: 32,
  /** A JSON body (the NATS payload limit is 1 MiB as well). */
  maxJsonBytes: 1024 * 1024,
  /** Any JSON number, integer or not: beyond it a number is rounded silently (9007199254740993). */
  maxAbsNumber: Number.MAX_SAFE_INTEGER,
  /** A page number of a paged list. */
  maxPage: 10_000,
} as const;

/** Keys that name or reach an object's prototype: refused wherever they appear in a body. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// C0 controls but tab, line feed and carriage return; DEL; C1 controls. PostgreSQL refuses U+0000.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
// eslint-disable-next-line no-control-regex -- one test for the common case: nothing to look at
const SUSPECT = /[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What is wrong with a string at the edge, if anything: a control character (never allowed), a
 * tab or line break in a single-line text, or an unpaired surrogate (not text at all).
 */
export function textProblem(value: string, multiline: boolean): 'controlCharacters' | 'singleLineText' | 'wellFormedText' | undefined {
  if (!SUSPECT.test(value)) return undefined;
  if (CONTROL.test(value)) return 'controlCharacters';
  if (LONE_SURROGATE.test(value)) return 'wellFormedText';
  if (!multiline && LINE_BREAK_OR_TAB.test(value)) return 'singleLineText';
  return undefined;
}

/** The class-validator name of `@MultilineText()`, which `textRuleErrors` looks for. */
export const MULTILINE_TEXT = 'multilineText';

/**
 * Marks a free-text field whose text may hold tabs and line breaks (a reason, an opinion, a note).
 * Every other string at the edge is single-line. The rule itself runs in `textRuleErrors`.
 */
export function MultilineText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: MULTILINE_TEXT,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: () => true },
    });
}

/**
 * A calendar date as `YYYY-MM-DD` that exists (no 2026-02-30) within the domain's plausible years
 * (1900–2999): the domain's own `parseLocalDate`, so that every path refuses what the draft path
 * refuses.
 */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: (value: unknown) => isLocalDate(value) },
    });
}

/**
 * An Idempotency-Key: 16 to 128 characters of letters, digits and `-_.:` (a UUID fits; a counter
 * such as `1` does not), so that keys cannot collide by accident nor carry anything but a name.
 */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{16,128}$/;
