import ExcelJS from 'exceljs';
import { CsvRow, CsvSyntaxError, parseCsv } from '@firstset/domain';
import { ServiceError } from '@firstset/messaging';

const unreadable = (zh: string, en: string) =>
  new ServiceError('SPREADSHEET_UNREADABLE', 422, `无法读取上传的表格：${zh} / The spreadsheet cannot be read: ${en}`, en, [
    { field: 'contentBase64', message: `${zh} / ${en}`, rule: 'spreadsheet' },
  ]);

/**
 * The rows of an uploaded list (every import: catalogues, earlier recognitions, expert pools),
 * numbered as the file numbers them: CSV (UTF-8, with or without BOM)
 * or the first sheet of an XLSX workbook (each cell as Excel displays it).
 */
export async function spreadsheetRows(fileName: string, contentBase64: string): Promise<CsvRow[]> {
  const bytes = Buffer.from(contentBase64, 'base64');
  const isZip = bytes.subarray(0, 2).toString('latin1') === 'PK';
  if (/\.xlsx$/i.test(fileName)) {
    if (!isZip) throw unreadable('文件不是 XLSX 工作簿', 'the file is not an XLSX workbook');
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw unreadable('XLSX 工作簿已损坏', 'the XLSX workbook is damaged');
    }
    const sheet = book.worksheets[0];
    if (!sheet) throw unreadable('工作簿没有工作表', 'the workbook has no sheet');
    const rows: CsvRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      for (let i = 1; i <= row.cellCount; i++) cells.push((row.getCell(i).text ?? '').trim());
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      if (cells.length > 0) rows.push({ line, cells });
    });
    return rows;
  }
  if (isZip) throw unreadable('文件是 XLSX 工作簿，请使用 .xlsx 文件名', 'the file is an XLSX workbook; name it .xlsx');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) throw unreadable('CSV 文件应为 UTF-8 编码', 'the CSV file must be UTF-8');
  try {
    return parseCsv(text);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    throw new ServiceError('IMPORT_INVALID', 422, `第 ${e.line} 行引号未闭合 / Row ${e.line}: unterminated quoted field`, undefined, [
      { field: `rows.${e.line}`, message: `第 ${e.line} 行：引号未闭合 / row ${e.line}: unterminated quoted field`, rule: 'csv' },
    ]);
  }
}

/** A list with problems is kept by nobody: each problem at its row (and column), in the errors. */
export function importRefused(issues: Array<{ line: number; column?: string; message: string; messageEn: string }>): ServiceError {
  return new ServiceError(
    'IMPORT_INVALID',
    422,
    `导入的表格有 ${issues.length} 处问题，未导入任何内容，请修改后重新导入 / The list has ${issues.length} problem(s); nothing was imported`,
    issues.map((i) => `row ${i.line}: ${i.messageEn}`).join('; ').slice(0, 2000),
    issues.slice(0, 200).map((i) => ({
      field: `rows.${i.line}${i.column ? `.${i.column}` : ''}`,
      message: `第 ${i.line} 行：${i.message} / row ${i.line}: ${i.messageEn}`,
      rule: 'import',
    })),
  );
}
