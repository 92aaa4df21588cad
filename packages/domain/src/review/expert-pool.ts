import type { CsvRow } from '../catalogue/csv';
import { EQUIPMENT_FIELDS_CATALOGUE } from '../catalogue/equipment-fields';
import { DEFAULT_RECOMMENDING_BODIES } from '../enterprise/recommending-bodies';
import { parseUscc } from '../enterprise/uscc';

/**
 * The records of an institution's expert pool (专家库, M8.1, M11.1): what an expert's identity
 * document, fields and region may be, and the reading of a pool spreadsheet, row by row. Pure: the
 * service keys the identity (a keyed hash, never the number) and checks duplicates within the pool.
 */

/** The M4.2 equipment fields (EF01–EF18) and, for materials, the new-materials catalogue ("NM"). */
export const NEW_MATERIALS_FIELD = 'NM';
export const EXPERT_FIELD_CODES: readonly string[] = Object.freeze([...EQUIPMENT_FIELDS_CATALOGUE.entries.map((e) => e.code), NEW_MATERIALS_FIELD]);

/** The field name of a code, in both languages; undefined for an unknown code. */
export function expertFieldName(code: string): { nameZh: string; nameEn: string } | undefined {
  if (code === NEW_MATERIALS_FIELD) return { nameZh: '新材料', nameEn: 'new materials' };
  const e = EQUIPMENT_FIELDS_CATALOGUE.entries.find((x) => x.code === code);
  return e ? { nameZh: e.nameZh, nameEn: e.nameEn ?? e.nameZh } : undefined;
}

/** The prefectures (盟市) an expert may live and work in; null is "outside Inner Mongolia". */
export const EXPERT_REGION_CODES: readonly string[] = Object.freeze(DEFAULT_RECOMMENDING_BODIES.map((b) => b.id));

export const IDENTITY_TYPES = ['prc_id', 'passport'] as const;
export type IdentityType = (typeof IDENTITY_TYPES)[number];

const PRC_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const PRC_ID_CHECK = '10X98765432';

/** The check character of a resident ID's first 17 digits (GB 11643, ISO 7064 MOD 11-2). */
export function prcIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * PRC_ID_WEIGHTS[i];
  return PRC_ID_CHECK[sum % 11];
}

export type IdentityCheck = { valid: true; normalized: string; tail: string } | { valid: false; messageZh: string; messageEn: string };

/**
 * An identity document number as the pool keeps it: a PRC resident ID (18 characters, a real
 * birth date, the right check character) or a passport-style number (5–20 letters and digits).
 * Upper-cased, spaces removed; `tail` is the last 4 characters, the only part ever shown again.
 */
export function checkIdentityDocument(type: IdentityType, raw: string): IdentityCheck {
  const normalized = raw.normalize('NFKC').replace(/[\s-]+/g, '').toUpperCase();
  if (type === 'prc_id') {
    if (!/^\d{17}[\dX]$/.test(normalized))
      return { valid: false, messageZh: '居民身份证号码应为 18 位（末位可为 X）', messageEn: 'a resident ID number has 18 characters (the last may be X)' };
    const [y, m, d] = [Number(normalized.slice(6, 10)), Number(normalized.slice(10, 12)), Number(normalized.slice(12, 14))];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
      return { valid: false, messageZh: '居民身份证号码中的出生日期无效', messageEn: 'the birth date in the resident ID number is not a date' };
    if (prcIdCheckCharacter(normalized) !== normalized[17])
      return { valid: false, messageZh: '居民身份证号码校验位不正确', messageEn: 'the check character of the resident ID number is wrong' };
  } else if (!/^[A-Z0-9]{5,20}$/.test(normalized)) {
    return { valid: false, messageZh: '护照等证件号码应为 5–20 位字母或数字', messageEn: 'a passport-style number has 5–20 letters or digits' };
  }
  return { valid: true, normalized, tail: normalized.slice(-4) };
}

/** A mainland mobile number: 11 digits starting 1[3-9]. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** An expert as a pool spreadsheet row gives it (the identity still in clear: the service keys it and forgets it). */
export interface ExpertRow {
  line: number;
  name: string;
  identityType: IdentityType;
  identityNumber: string;
  identityTail: string;
  mobile: string | null;
  employerName: string;
  employerUscc: string | null;
  title: string;
  fieldCodes: string[];
  field: string;
  regionCode: string | null;
  available: boolean;
}

export type ExpertRowColumn = Exclude<keyof ExpertRow, 'line' | 'identityTail'>;

export interface ExpertRowIssue {
  line: number;
  column?: ExpertRowColumn;
  message: string;
  messageEn: string;
}

/** Header cell → column; the template's Chinese headers first, then plain English ones. */
const HEADERS: Record<string, ExpertRowColumn> = {
  姓名: 'name',
  name: 'name',
  证件类型: 'identityType',
  identitytype: 'identityType',
  证件号码: 'identityNumber',
  身份证号码: 'identityNumber',
  identitynumber: 'identityNumber',
  手机号码: 'mobile',
  手机: 'mobile',
  mobile: 'mobile',
  工作单位: 'employerName',
  employer: 'employerName',
  工作单位统一社会信用代码: 'employerUscc',
  employeruscc: 'employerUscc',
  职称: 'title',
  title: 'title',
  专业领域代码: 'fieldCodes',
  领域代码: 'fieldCodes',
  fieldcodes: 'fieldCodes',
  专业方向: 'field',
  specialty: 'field',
  所在盟市: 'regionCode',
  所在地区: 'regionCode',
  region: 'regionCode',
  是否可参加评审: 'available',
  可参加评审: 'available',
  available: 'available',
};

/** The template's header row, in order, with what each column takes. */
export const EXPERT_TEMPLATE_COLUMNS: ReadonlyArray<{ column: ExpertRowColumn; header: string; hintZh: string; required: boolean }> = Object.freeze([
  { column: 'name', header: '姓名', hintZh: '必填', required: true },
  { column: 'identityType', header: '证件类型', hintZh: '居民身份证（默认）或护照', required: false },
  { column: 'identityNumber', header: '证件号码', hintZh: '必填；身份证须含正确校验位', required: true },
  { column: 'mobile', header: '手机号码', hintZh: '11 位手机号', required: false },
  { column: 'employerName', header: '工作单位', hintZh: '必填', required: true },
  { column: 'employerUscc', header: '工作单位统一社会信用代码', hintZh: '可选，18 位', required: false },
  { column: 'title', header: '职称', hintZh: '如 正高级工程师', required: false },
  { column: 'fieldCodes', header: '专业领域代码', hintZh: '必填；EF01–EF18 或 NM，多个以分号分隔', required: true },
  { column: 'field', header: '专业方向', hintZh: '必填，自由描述', required: true },
  { column: 'regionCode', header: '所在盟市', hintZh: '盟市名称或 6 位代码；区外填「区外」', required: false },
  { column: 'available', header: '是否可参加评审', hintZh: '是（默认）或否', required: false },
]);

const REQUIRED: ReadonlyArray<[ExpertRowColumn, string, string]> = [
  ['name', '姓名', 'name'],
  ['identityNumber', '证件号码', 'identity number'],
  ['employerName', '工作单位', 'employer'],
  ['fieldCodes', '专业领域代码', 'field codes'],
  ['field', '专业方向', 'specialty'],
];

const OUTSIDE = new Set(['', '区外', '自治区外', '外省', 'outside']);

/** A region cell: a prefecture's code or name, or "outside" (null); undefined when it is neither. */
export function regionOf(text: string): string | null | undefined {
  const t = text.trim();
  if (OUTSIDE.has(t.toLowerCase())) return null;
  const body = DEFAULT_RECOMMENDING_BODIES.find((b) => b.id === t || b.nameZh === t || b.nameEn.toLowerCase() === t.toLowerCase());
  return body ? body.id : undefined;
}

/** Field codes from a cell: separated by ; ， , 、 or spaces, upper-cased, in the catalogue's order, no repeats. */
export function fieldCodesOf(text: string): { codes: string[]; unknown: string[] } {
  const parts = text
    .split(/[;；,，、\s]+/)
    .map((p) => p.trim().toUpperCase())
    .filter(Boolean);
  const unknown = parts.filter((p) => !EXPERT_FIELD_CODES.includes(p));
  const codes = EXPERT_FIELD_CODES.filter((c) => parts.includes(c));
  return { codes, unknown };
}

/**
 * Reads a pool spreadsheet (a header row, then one expert a row): every row with its line, every
 * problem at its row and column, never refusing, so the console previews it. Two rows with the same
 * identity document are both reported; the service adds the pool's own duplicates.
 */
export function readExpertRows(rows: readonly CsvRow[]): { experts: ExpertRow[]; issues: ExpertRowIssue[] } {
  const [header, ...body] = rows;
  const columns = (header?.cells ?? []).map((h) => HEADERS[h.trim().replace(/\s+/g, '').toLowerCase()] ?? HEADERS[h.trim()]);
  const missing = REQUIRED.filter(([c]) => !columns.includes(c));
  if (!header || missing.length > 0)
    return {
      experts: [],
      issues: [
        {
          line: header?.line ?? 1,
          message: `首行应为表头，缺少列：${missing.map(([, zh]) => zh).join('、')}`,
          messageEn: `the first row must be a header; missing columns: ${missing.map(([, , en]) => en).join(', ')}`,
        },
      ],
    };
  const issues: ExpertRowIssue[] = [];
  const experts: ExpertRow[] = [];
  const seen = new Map<string, number>();
  for (const row of body) {
    const cell = (c: ExpertRowColumn) => (columns.includes(c) ? (row.cells[columns.indexOf(c)] ?? '').trim() : '');
    const at = (column: ExpertRowColumn | undefined, zh: string, en: string) => issues.push({ line: row.line, ...(column ? { column } : {}), message: zh, messageEn: en });
    for (const [c, zh, en] of REQUIRED) if (!cell(c)) at(c, `缺少${zh}`, `${en} is missing`);
    const typeText = cell('identityType');
    const identityType: IdentityType | undefined = !typeText || /^(居民)?身份证$|^prc_id$/i.test(typeText) ? 'prc_id' : /^护照$|^passport$/i.test(typeText) ? 'passport' : undefined;
    if (!identityType) at('identityType', `证件类型「${typeText}」应为居民身份证或护照`, `identity type "${typeText}" must be resident ID or passport`);
    let identityNumber = '';
    let identityTail = '';
    if (identityType && cell('identityNumber')) {
      const id = checkIdentityDocument(identityType, cell('identityNumber'));
      if (id.valid) {
        identityNumber = id.normalized;
        identityTail = id.tail;
        const key = `${identityType}:${id.normalized}`;
        const first = seen.get(key);
        if (first !== undefined) at('identityNumber', `证件号码与第 ${first} 行重复`, `the identity number repeats row ${first}`);
        else seen.set(key, row.line);
      } else at('identityNumber', id.messageZh, id.messageEn);
    }
    const mobile = cell('mobile');
    if (mobile && !MOBILE_PATTERN.test(mobile)) at('mobile', `手机号码「${mobile}」应为 11 位手机号`, `mobile "${mobile}" must be an 11-digit mobile number`);
    const usccText = cell('employerUscc');
    const uscc = usccText ? parseUscc(usccText) : null;
    if (uscc && !uscc.valid) at('employerUscc', `统一社会信用代码「${usccText}」无效`, `credit code "${usccText}" is invalid`);
    const { codes, unknown } = fieldCodesOf(cell('fieldCodes'));
    if (unknown.length > 0) at('fieldCodes', `专业领域代码「${unknown.join('、')}」不在 EF01–EF18 或 NM 之中`, `field codes ${unknown.join(', ')} are not EF01–EF18 or NM`);
    const regionCode = regionOf(cell('regionCode'));
    if (regionCode === undefined) at('regionCode', `所在盟市「${cell('regionCode')}」不是内蒙古的盟市（区外请填「区外」）`, `region "${cell('regionCode')}" is not a prefecture of Inner Mongolia (write 区外 for outside)`);
    const availableText = cell('available');
    const available = !availableText || /^(是|可|y|yes|true|1)$/i.test(availableText) ? true : /^(否|不可|n|no|false|0)$/i.test(availableText) ? false : undefined;
    if (available === undefined) at('available', `是否可参加评审「${availableText}」应为是或否`, `available "${availableText}" must be yes or no`);
    for (const [c, max] of [['name', 50], ['employerName', 200], ['title', 50], ['field', 200]] as const)
      if (cell(c).length > max) at(c, `内容过长（最多 ${max} 字）`, `too long (at most ${max} characters)`);
    experts.push({
      line: row.line,
      name: cell('name'),
      identityType: identityType ?? 'prc_id',
      identityNumber,
      identityTail,
      mobile: mobile || null,
      employerName: cell('employerName'),
      employerUscc: uscc?.valid ? uscc.code : null,
      title: cell('title'),
      fieldCodes: codes,
      field: cell('field'),
      regionCode: regionCode ?? null,
      available: available ?? true,
    });
  }
  if (body.length === 0) issues.push({ line: header.line, message: '表格中没有专家', messageEn: 'the list has no expert' });
  return { experts, issues };
}
