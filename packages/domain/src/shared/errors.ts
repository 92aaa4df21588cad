/**
 * Every rule in this package reports bad input through a subclass of DomainError: a stable `code`
 * that services map to problem details, a Chinese message a civil servant can act on (`message`),
 * the same in English (`messageEn`) and structured `details` for the UI.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly messageEn: string;
  readonly details: Readonly<Record<string, unknown>>;

  protected constructor(messageZh: string, messageEn: string, details: Record<string, unknown> = {}) {
    super(messageZh);
    this.name = new.target.name;
    this.messageEn = messageEn;
    this.details = details;
  }

  toJSON(): { code: string; message: string; messageEn: string; details: Readonly<Record<string, unknown>> } {
    return { code: this.code, message: this.message, messageEn: this.messageEn, details: this.details };
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** A date string that is not a real calendar date in ISO form (e.g. 2026-02-30, 2026/03/01). */
export class InvalidDateError extends DomainError {
  readonly code = 'INVALID_DATE';
  constructor(value: unknown, field = 'date') {
    super(
      `${field}「${String(value)}」不是有效日期，请按 YYYY-MM-DD 格式填写真实存在的日期（例如 2026-03-01）。`,
      `${field} "${String(value)}" is not a valid date; use YYYY-MM-DD with a date that exists (e.g. 2026-03-01).`,
      { field, value: String(value) },
    );
  }
}

/** An instant (Date) that is not a valid point in time. */
export class InvalidInstantError extends DomainError {
  readonly code = 'INVALID_INSTANT';
  constructor(field = 'instant') {
    super(`${field} 不是有效的时间点，请检查传入的时间。`, `${field} is not a valid point in time.`, {
      field,
    });
  }
}

/** A numeric argument outside what the rule accepts (e.g. a negative number of years). */
export class InvalidArgumentError extends DomainError {
  readonly code = 'INVALID_ARGUMENT';
  constructor(field: string, value: unknown, expectedZh: string, expectedEn: string) {
    super(
      `参数 ${field} 的值「${String(value)}」无效：${expectedZh}。`,
      `Argument ${field} = "${String(value)}" is invalid: ${expectedEn}.`,
      { field, value },
    );
  }
}

export function assertNonNegativeInteger(field: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidArgumentError(field, value, '应为非负整数', 'expected a non-negative integer');
  }
}

export function assertPositiveInteger(field: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(field, value, '应为正整数', 'expected a positive integer');
  }
}
