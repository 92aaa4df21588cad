import { getMetadataStorage, type ValidationError } from 'class-validator';

/** One refused field: its dotted path, a "中文 / English" message, and the rule it broke. */
export interface FieldError {
  field: string;
  message: string;
  /** class-validator's constraint key (`maxLength`, `whitelistValidation`), for programs. */
  rule?: string;
}

type Metadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
type Phrase = (args: unknown[]) => [zh: string, en: string];

const list = (values: unknown): string => (Array.isArray(values) ? values.map(String).join(', ') : '');
const enumValues = (entity: unknown): string =>
  entity && typeof entity === 'object'
    ? list(Object.entries(entity).filter(([k]) => !/^\d+$/.test(k)).map(([, v]) => v))
    : '';

/**
 * What each constraint means, in both languages, addressed to the user at the field (so without
 * the field's name). The Chinese half carries no Latin letters: allowed values such as enum codes
 * are named in English only.
 */
const PHRASES: Record<string, Phrase> = {
  isNotEmpty: () => ['不能为空', 'must not be empty'],
  isDefined: () => ['必须填写', 'is required'],
  isString: () => ['须为文字', 'must be text'],
  isInt: () => ['须为整数', 'must be a whole number'],
  isNumber: () => ['须为数字', 'must be a number'],
  isPositive: () => ['须为正数', 'must be a positive number'],
  isBoolean: () => ['须为“是”或“否”', 'must be true or false'],
  isArray: () => ['须为列表', 'must be a list'],
  isObject: () => ['须为一组字段', 'must be an object'],
  isEmail: () => ['须为有效的电子邮箱地址', 'must be a valid e-mail address'],
  isUuid: () => ['须为有效的编号', 'must be a valid identifier (UUID)'],
  isDateString: () => ['须为有效的日期时间', 'must be a valid date (ISO 8601)'],
  isIso8601: () => ['须为有效的日期时间', 'must be a valid date (ISO 8601)'],
  isDate: () => ['须为有效的日期', 'must be a valid date'],
  isUrl: () => ['须为有效的网址', 'must be a valid web address'],
  isMobilePhone: () => ['须为有效的手机号码', 'must be a valid mobile phone number'],
  isPhoneNumber: () => ['须为有效的电话号码', 'must be a valid phone number'],
  isNumberString: () => ['须为数字', 'must be a number'],
  isIn: ([values]) => ['不是可选的值', `must be one of: ${list(values)}`],
  isNotIn: () => ['不能取这个值', 'is not an allowed value'],
  isEnum: ([entity]) => ['不是可选的值', `must be one of: ${enumValues(entity)}`],
  min: ([n]) => [`不能小于 ${String(n)}`, `must be at least ${String(n)}`],
  max: ([n]) => [`不能大于 ${String(n)}`, `must be at most ${String(n)}`],
  minLength: ([n]) => [`至少 ${String(n)} 个字符`, `at least ${String(n)} characters`],
  maxLength: ([n]) => [`不能超过 ${String(n)} 个字符`, `at most ${String(n)} characters`],
  isLength: ([a, b]) => [`须为 ${String(a)}–${String(b)} 个字符`, `must be ${String(a)}–${String(b)} characters`],
  matches: () => ['格式不正确', 'has the wrong format'],
  arrayMinSize: ([n]) => [`至少 ${String(n)} 项`, `at least ${String(n)} item(s)`],
  arrayMaxSize: ([n]) => [`最多 ${String(n)} 项`, `at most ${String(n)} items`],
  arrayNotEmpty: () => ['至少一项', 'must not be empty'],
  arrayUnique: () => ['不能有重复项', 'must not contain duplicates'],
  whitelistValidation: () => ['不允许提交此字段', 'is not allowed (should not exist)'],
  nestedValidation: () => ['须为一组字段或列表', 'must be an object or a list'],
  unknownValue: () => ['无法识别的内容', 'is not a recognised value'],
  // The edge rules (contracts' edge-rules.ts), met by every command and query.
  isLocalDate: () => ['须为有效的日期（年-月-日，1900–2999 年）', 'must be a real calendar date, YYYY-MM-DD, years 1900–2999'],
  controlCharacters: () => ['不能包含控制字符', 'must not contain control characters'],
  singleLineText: () => ['须为单行文字，不能包含换行或制表符', 'must be a single line (no line breaks or tabs)'],
  wellFormedText: () => ['包含无效的字符', 'contains an invalid character (unpaired surrogate)'],
  safeNumber: () => ['数值超出范围', 'is out of range (at most ±9007199254740991)'],
  prototypeKey: () => ['不允许使用此字段名', 'is a reserved name (not allowed)'],
};

const CJK = /[\u4e00-\u9fff]/;
/** Phrases that name their constraint's numbers; without them the generic phrase is used. */
const NEEDS_ARGS = new Set(['min', 'max', 'minLength', 'maxLength', 'isLength', 'arrayMinSize', 'arrayMaxSize', 'isIn', 'isEnum']);

/**
 * The "中文 / English" message for one broken constraint. A message the DTO wrote itself wins when
 * it is bilingual already; an English-only one becomes the English half. A constraint not in the
 * table keeps class-validator's English under a generic Chinese half.
 */
export function describeConstraint(rule: string, args: unknown[] = [], opts: { each?: boolean; custom?: string; fallback?: string } = {}): string {
  if (opts.custom && CJK.test(opts.custom)) return opts.custom;
  const phrase = NEEDS_ARGS.has(rule) && args.length === 0 ? undefined : PHRASES[rule];
  let [zh, en] = phrase ? phrase(args) : ['内容不符合要求', opts.fallback ?? 'is invalid'];
  if (opts.custom) en = opts.custom;
  else if (opts.each && phrase) [zh, en] = [`每一项${zh}`, `each value ${en}`];
  return `${zh} / ${en}`;
}

function metadataOf(target: unknown): Metadata[] {
  const ctor = target && typeof target === 'object' ? (target as object).constructor : undefined;
  if (!ctor || ctor === Object || ctor === Array) return [];
  return getMetadataStorage().getTargetValidationMetadatas(ctor, undefined as unknown as string, false, false);
}

function customMessage(m: Metadata | undefined): string | undefined {
  // @ValidateNested writes its own English default (with a `$property` token) as if a DTO had.
  if (typeof m?.message !== 'string' || !m.message || (m.type === 'nestedValidation' && !CJK.test(m.message))) return undefined;
  return m.message;
}

/**
 * class-validator's errors as flat field errors in both languages, with dotted paths
 * (`indicators.0.value`). The constraint arguments (200 of maxLength(200)) come from the rules the
 * DTO declares, found through the error's target object; an error without one (validated with
 * `validationError.target: false`) still gets its message, without the numbers.
 */
export function fieldErrorsOf(errors: ValidationError[], parent = '', inherited: Metadata[] = []): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    // An array element's errors have the array as target: its rules are the array property's.
    const element = Array.isArray(e.target);
    const rules = element ? inherited : metadataOf(e.target).filter((m) => m.propertyName === e.property);
    for (const [rule, english] of Object.entries(e.constraints ?? {})) {
      const m = rules.find((r) => (r.name ?? r.type) === rule);
      const args = (m?.constraints ?? []) as unknown[];
      const message = describeConstraint(rule, args, { each: !element && m?.each, custom: customMessage(m), fallback: english });
      out.push({ field, message, rule });
    }
    if (e.children?.length) out.push(...fieldErrorsOf(e.children, field, rules));
  }
  return out;
}
