import ExcelJS from 'exceljs';
import { ServiceError } from '@firstset/messaging';
import { importRefused, spreadsheetRows } from './spreadsheet-rows';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(ServiceError);
  return e as ServiceError;
};

describe('spreadsheetRows, the one reader of uploaded lists (intake and expert-management imports)', () => {
  it('reads a UTF-8 CSV with a BOM, numbering rows as the file does', async () => {
    const rows = await spreadsheetRows('名单.csv', b64('\uFEFF名称,代码\n"甲,乙",01\n'));
    expect(rows).toEqual([
      { line: 1, cells: ['名称', '代码'] },
      { line: 2, cells: ['甲,乙', '01'] },
    ]);
  });

  it('reads the first sheet of an XLSX as Excel shows each cell, skipping blank rows and trailing blank cells', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('专家');
    sheet.getRow(1).values = ['姓名', '职称', ''];
    sheet.getRow(3).values = [' 王明 ', '教授'];
    book.addWorksheet('其他').getRow(1).values = ['不读'];
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    expect(await spreadsheetRows('专家.XLSX', bytes.toString('base64'))).toEqual([
      { line: 1, cells: ['姓名', '职称'] },
      { line: 3, cells: ['王明', '教授'] },
    ]);
  });

  it('refuses what it cannot read, saying why in Chinese first', async () => {
    expect((await refusal(spreadsheetRows('a.xlsx', b64('名称\n')))).message).toContain('文件不是 XLSX 工作簿');
    expect((await refusal(spreadsheetRows('a.xlsx', b64('PK\u0003\u0004broken')))).message).toContain('XLSX 工作簿已损坏');
    expect((await refusal(spreadsheetRows('a.csv', b64('PK\u0003\u0004')))).message).toContain('请使用 .xlsx 文件名');
    expect((await refusal(spreadsheetRows('a.csv', Buffer.from([0x41, 0xff, 0xfe, 0x0a]).toString('base64')))).message).toContain('UTF-8');
    const quote = await refusal(spreadsheetRows('a.csv', b64('a,b\n"open,1\n')));
    expect(quote.code).toBe('IMPORT_INVALID');
    expect(quote.message).toContain('引号未闭合');
  });

  it('importRefused puts each problem at its row and column', () => {
    const e = importRefused([{ line: 4, column: 'uscc', message: '格式不对', messageEn: 'malformed' }]);
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.status).toBe(422);
    expect(e.errors).toEqual([{ field: 'rows.4.uscc', message: '第 4 行：格式不对 / row 4: malformed', rule: 'import' }]);
  });
});
