import { CatalogueRef } from '../model/product';
import { DomainError } from '../shared/errors';
import { CsvRow, CsvSyntaxError, parseCsv } from './csv';

/**
 * Scope catalogues (M4.2 equipment fields, M4.3 new-materials catalogue) are versioned reference
 * data the Department imports; each application records the version it was judged by. No
 * machine-readable copy of the 2024 industrial strategic emerging industries catalogue is
 * published (and the edition the draft names may be the 2023 one published in early 2024), so the
 * version is data, not code.
 */
export type CatalogueKind = 'equipment_fields' | 'new_materials';

export interface CatalogueEntry {
  code: string;
  nameZh: string;
  nameEn?: string;
  /** Parent entry in a hierarchical catalogue (industry → sub-industry → product). */
  parentCode?: string;
}

export interface ScopeCatalogueMeta {
  id: string;
  version: string;
  kind: CatalogueKind;
  titleZh: string;
  titleEn: string;
  /** Where the Department took it from. */
  source: string;
  /** False while the copy awaits the Department's check against the published text (M4.3). */
  verified?: boolean;
}

export interface ScopeCatalogue extends ScopeCatalogueMeta {
  entries: readonly CatalogueEntry[];
}

export interface CatalogueIssue {
  line: number;
  message: string;
  messageEn: string;
}

export class CatalogueImportError extends DomainError {
  readonly code = 'CATALOGUE_IMPORT_INVALID';
  readonly issues: CatalogueIssue[];
  constructor(catalogueId: string, issues: CatalogueIssue[]) {
    super(
      `目录「${catalogueId}」导入失败，请修改后重新导入：${issues.map((i) => `第${i.line}行：${i.message}`).join('；')}`,
      `Catalogue "${catalogueId}" could not be imported; fix and re-import: ${issues.map((i) => `line ${i.line}: ${i.messageEn}`).join('; ')}`,
      { catalogueId, issues },
    );
    this.issues = issues;
  }
}

export class CatalogueEntryUnknownError extends DomainError {
  readonly code = 'CATALOGUE_ENTRY_UNKNOWN';
  constructor(ref: CatalogueRef, entryCode: string) {
    super(
      `「${entryCode}」不在目录 ${ref.id}（${ref.version} 版）中，请选择目录中的领域或产品类别。`,
      `"${entryCode}" is not in catalogue ${ref.id} (version ${ref.version}); choose a field or product category from it.`,
      { catalogueId: ref.id, version: ref.version, entryCode },
    );
  }
}

const HEADER_ALIASES: Record<string, keyof CatalogueEntry> = {
  code: 'code',
  代码: 'code',
  编码: 'code',
  namezh: 'nameZh',
  name_zh: 'nameZh',
  名称: 'nameZh',
  nameen: 'nameEn',
  name_en: 'nameEn',
  英文名称: 'nameEn',
  parentcode: 'parentCode',
  parent_code: 'parentCode',
  上级代码: 'parentCode',
};

const CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.\-_]*$/;

/** Checks codes, names and parents; returns the catalogue or throws CATALOGUE_IMPORT_INVALID. */
export function validateCatalogue(catalogue: ScopeCatalogue, lines?: number[]): ScopeCatalogue {
  const issues: CatalogueIssue[] = [];
  const lineOf = (i: number) => lines?.[i] ?? i + 1;
  if (!catalogue.id.trim() || !catalogue.version.trim())
    issues.push({
      line: 0,
      message: '目录标识和版本不能为空',
      messageEn: 'catalogue id and version are required',
    });
  const codes = new Set<string>();
  catalogue.entries.forEach((e, i) => {
    if (!CODE_PATTERN.test(e.code))
      issues.push({
        line: lineOf(i),
        message: `代码「${e.code}」无效（仅限字母、数字、点、横线）`,
        messageEn: `code "${e.code}" is invalid (letters, digits, dots, dashes)`,
      });
    else if (codes.has(e.code))
      issues.push({
        line: lineOf(i),
        message: `代码「${e.code}」重复`,
        messageEn: `code "${e.code}" is duplicated`,
      });
    codes.add(e.code);
    if (!e.nameZh.trim())
      issues.push({
        line: lineOf(i),
        message: `代码「${e.code}」缺少中文名称`,
        messageEn: `code "${e.code}" has no Chinese name`,
      });
  });
  catalogue.entries.forEach((e, i) => {
    if (e.parentCode && !codes.has(e.parentCode))
      issues.push({
        line: lineOf(i),
        message: `上级代码「${e.parentCode}」不存在`,
        messageEn: `parent code "${e.parentCode}" does not exist`,
      });
  });
  if (catalogue.entries.length === 0)
    issues.push({ line: 0, message: '目录没有任何条目', messageEn: 'the catalogue has no entries' });
  if (issues.length > 0) throw new CatalogueImportError(catalogue.id, issues);
  return catalogue;
}

/**
 * Imports a catalogue from CSV text (the Department exports its spreadsheet as CSV, UTF-8).
 * Header row required: code, nameZh [, nameEn, parentCode] (or 代码, 名称, 英文名称, 上级代码).
 */
export function importCatalogueCsv(csvText: string, meta: ScopeCatalogueMeta): ScopeCatalogue {
  let rows;
  try {
    rows = parseCsv(csvText);
  } catch (e) {
    const line = (e as CsvSyntaxError).line;
    throw new CatalogueImportError(meta.id, [
      { line, message: '引号未闭合', messageEn: 'unterminated quoted field' },
    ]);
  }
  return importCatalogueRows(rows, meta);
}

/** The same from rows a spreadsheet gave (an XLSX sheet's rows, numbered as the sheet numbers them). */
export function importCatalogueRows(rows: readonly CsvRow[], meta: ScopeCatalogueMeta): ScopeCatalogue {
  const read = readCatalogueRows(rows, meta);
  if (read.issues.length > 0) throw new CatalogueImportError(meta.id, read.issues);
  return { ...meta, entries: read.entries.map(({ line: _line, ...e }) => e) };
}

/**
 * Every entry with its row, and every problem at its row, without refusing: what the console's
 * preview shows before the Department confirms an import (M4.3).
 */
export function readCatalogueRows(
  rows: readonly CsvRow[],
  meta: ScopeCatalogueMeta,
): { entries: Array<CatalogueEntry & { line: number }>; issues: CatalogueIssue[] } {
  const [header, ...body] = rows;
  const columns = (header?.cells ?? []).map(
    (h) => HEADER_ALIASES[h.trim().replace(/\s+/g, '').toLowerCase()] ?? HEADER_ALIASES[h.trim()],
  );
  if (!columns.includes('code') || !columns.includes('nameZh')) {
    return {
      entries: [],
      issues: [
        {
          line: header?.line ?? 1,
          message: '首行应为表头，至少包含 code（代码）和 nameZh（名称）两列',
          messageEn: 'the first row must be a header with at least code and nameZh',
        },
      ],
    };
  }
  const issues: CatalogueIssue[] = [];
  const entries: Array<CatalogueEntry & { line: number }> = [];
  for (const row of body) {
    if (row.cells.length > columns.length) {
      issues.push({
        line: row.line,
        message: `列数（${row.cells.length}）多于表头（${columns.length}），请检查是否有未加引号的逗号`,
        messageEn: `${row.cells.length} cells but ${columns.length} header columns; check for an unquoted comma`,
      });
      continue;
    }
    const entry: CatalogueEntry & { line: number } = { code: '', nameZh: '', line: row.line };
    columns.forEach((col, i) => {
      const value = (row.cells[i] ?? '').trim();
      if (col && value) entry[col] = value;
    });
    entries.push(entry);
  }
  try {
    validateCatalogue({ ...meta, entries }, entries.map((e) => e.line));
  } catch (e) {
    if (!(e instanceof CatalogueImportError)) throw e;
    issues.push(...e.issues);
  }
  return { entries, issues };
}

export function catalogueRef(catalogue: Pick<ScopeCatalogue, 'id' | 'version'>): CatalogueRef {
  return { id: catalogue.id, version: catalogue.version };
}

export function findCatalogueEntry(catalogue: ScopeCatalogue, code: string): CatalogueEntry {
  const entry = catalogue.entries.find((e) => e.code === code.trim());
  if (!entry) throw new CatalogueEntryUnknownError(catalogueRef(catalogue), code);
  return entry;
}
