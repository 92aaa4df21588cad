import type { CsvRow } from '../catalogue/csv';
import { PRODUCT_KIND_LABELS, PRODUCT_KINDS, ProductKind } from '../model/product';
import { parseUscc } from '../enterprise/uscc';
import { PriorRecognition } from './series-model';

/**
 * M6.4: recognitions the Department made before the platform, imported from its lists so the
 * series check sees them. One row per recognized product.
 */
export interface EarlierRecognition {
  uscc: string;
  enterpriseName: string;
  productName: string;
  productKind?: ProductKind;
  series: string;
  model: string;
  /** Year of the recognition. */
  year: number;
  /** The recognition document's number (文号). */
  documentNo: string;
}

export interface ImportIssue {
  /** The row of the file (1 = the header). */
  line: number;
  /** The column the problem is in, when it is one column's. */
  column?: keyof EarlierRecognition;
  message: string;
  messageEn: string;
}

const HEADERS: Record<string, keyof EarlierRecognition> = {
  uscc: 'uscc',
  统一社会信用代码: 'uscc',
  enterprisename: 'enterpriseName',
  enterprise: 'enterpriseName',
  企业名称: 'enterpriseName',
  申报单位: 'enterpriseName',
  企业: 'enterpriseName',
  productname: 'productName',
  product: 'productName',
  产品名称: 'productName',
  产品: 'productName',
  productkind: 'productKind',
  kind: 'productKind',
  类别: 'productKind',
  产品类别: 'productKind',
  series: 'series',
  系列: 'series',
  产品系列: 'series',
  model: 'model',
  型号: 'model',
  规格型号: 'model',
  year: 'year',
  年度: 'year',
  认定年度: 'year',
  documentno: 'documentNo',
  document: 'documentNo',
  文号: 'documentNo',
  认定文号: 'documentNo',
};

const REQUIRED: Array<[keyof EarlierRecognition, string, string]> = [
  ['enterpriseName', '企业名称', 'enterprise'],
  ['uscc', '统一社会信用代码', 'credit code'],
  ['productName', '产品名称', 'product'],
  ['series', '系列', 'series'],
  ['model', '型号', 'model'],
  ['year', '认定年度', 'year'],
  ['documentNo', '认定文号', 'document number'],
];

/** A kind written as its code or its Chinese label (技术装备首台（套）…), or the short words 装备/零部件/新材料. */
function kindOf(value: string): ProductKind | undefined {
  const v = value.trim();
  if ((PRODUCT_KINDS as string[]).includes(v.toUpperCase())) return v.toUpperCase() as ProductKind;
  const byLabel = PRODUCT_KINDS.find((k) => PRODUCT_KIND_LABELS[k].zh === v);
  if (byLabel) return byLabel;
  if (/零部件/.test(v)) return 'FIRST_BATCH_COMPONENT';
  if (/材料/.test(v)) return 'FIRST_BATCH_MATERIAL';
  if (/装备|首台/.test(v)) return 'FIRST_SET_EQUIPMENT';
  return undefined;
}

const key = (r: Pick<EarlierRecognition, 'uscc' | 'series' | 'model' | 'documentNo'>) =>
  [r.uscc, r.series.trim(), r.model.trim(), r.documentNo.trim()].join('|');

/**
 * Reads the Department's list (a header row, then one recognized product a row): every row with
 * its line, every problem at its row and column, never refusing, so the console can preview it.
 * A list with any issue is imported by nobody: the Department fixes it and imports it again.
 */
export function readEarlierRecognitions(
  rows: readonly CsvRow[],
  lastYear: number,
): { records: Array<EarlierRecognition & { line: number }>; issues: ImportIssue[] } {
  const [header, ...body] = rows;
  const columns = (header?.cells ?? []).map((h) => HEADERS[h.trim().replace(/\s+/g, '').toLowerCase()] ?? HEADERS[h.trim()]);
  const missing = REQUIRED.filter(([f]) => !columns.includes(f));
  if (!header || missing.length > 0)
    return {
      records: [],
      issues: [
        {
          line: header?.line ?? 1,
          message: `首行应为表头，缺少列：${missing.map(([, zh]) => zh).join('、')}`,
          messageEn: `the first row must be a header; missing columns: ${missing.map(([, , en]) => en).join(', ')}`,
        },
      ],
    };
  const issues: ImportIssue[] = [];
  const records: Array<EarlierRecognition & { line: number }> = [];
  const seen = new Map<string, number>();
  for (const row of body) {
    const cell = (f: keyof EarlierRecognition) => (row.cells[columns.indexOf(f)] ?? '').trim();
    const at = (column: keyof EarlierRecognition | undefined, zh: string, en: string) =>
      issues.push({ line: row.line, ...(column ? { column } : {}), message: zh, messageEn: en });
    if (row.cells.length > columns.length) at(undefined, `列数（${row.cells.length}）多于表头（${columns.length}）`, `${row.cells.length} cells but ${columns.length} header columns`);
    for (const [f, zh, en] of REQUIRED) if (!cell(f)) at(f, `缺少${zh}`, `${en} is missing`);
    const uscc = parseUscc(cell('uscc'));
    if (cell('uscc') && !uscc.valid) at('uscc', `统一社会信用代码「${cell('uscc')}」无效`, `credit code "${cell('uscc')}" is invalid`);
    const year = Number(cell('year').replace(/年$/, ''));
    if (cell('year') && (!Number.isInteger(year) || year < 2000 || year > lastYear))
      at('year', `认定年度「${cell('year')}」应为 2000–${lastYear} 之间的年份`, `year "${cell('year')}" must be between 2000 and ${lastYear}`);
    const kindText = columns.includes('productKind') ? cell('productKind') : '';
    const productKind = kindText ? kindOf(kindText) : undefined;
    if (kindText && !productKind) at('productKind', `产品类别「${kindText}」无法识别（装备、零部件或新材料）`, `product kind "${kindText}" is not equipment, component or material`);
    for (const f of ['enterpriseName', 'productName', 'series', 'model', 'documentNo'] as const)
      if (cell(f).length > 200) at(f, '内容过长（最多 200 字）', 'too long (at most 200 characters)');
    const record: EarlierRecognition & { line: number } = {
      line: row.line,
      uscc: uscc.code,
      enterpriseName: cell('enterpriseName'),
      productName: cell('productName'),
      ...(productKind ? { productKind } : {}),
      series: cell('series'),
      model: cell('model'),
      year,
      documentNo: cell('documentNo'),
    };
    const k = key(record);
    if (seen.has(k)) at(undefined, `与第 ${seen.get(k)} 行重复`, `duplicates row ${seen.get(k)}`);
    else seen.set(k, row.line);
    records.push(record);
  }
  if (body.length === 0) issues.push({ line: header.line, message: '表中没有任何认定记录', messageEn: 'the list has no rows' });
  return { records, issues };
}

/** An imported recognition as the M6.4 series check sees it: it passed, and says where it came from. */
export function earlierAsPrior(r: EarlierRecognition): PriorRecognition {
  return {
    recognitionId: `${r.documentNo}，${r.year}年，平台前认定`,
    applicantUscc: r.uscc,
    ...(r.productKind ? { productKind: r.productKind } : {}),
    series: r.series,
    model: r.model,
    status: 'RECOGNIZED',
  };
}
