import type { ExportedFileV1 } from '@firstset/contracts';
import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DEFAULT_RECOMMENDING_BODIES, EXPERT_FIELD_CODES, EXPERT_TEMPLATE_COLUMNS, expertFieldName } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { requireActor } from '@firstset/service-kit';

/** The pool spreadsheet's template: the header row the import reads (a hint on each header) and the codes on a second sheet. */
@Injectable()
export class ExpertTemplate {
  async execute(_input: unknown, meta: MessageMeta): Promise<ExportedFileV1> {
    requireActor(meta, ['institution_staff']);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('专家');
    sheet.columns = EXPERT_TEMPLATE_COLUMNS.map((c) => ({ header: c.header, key: c.column, width: Math.max(14, c.header.length * 3) }));
    sheet.getRow(1).font = { bold: true };
    EXPERT_TEMPLATE_COLUMNS.forEach((c, i) => {
      sheet.getRow(1).getCell(i + 1).note = c.hintZh;
    });
    const codes = book.addWorksheet('代码说明');
    codes.columns = [
      { header: '专业领域代码', key: 'code', width: 14 },
      { header: '领域', key: 'name', width: 36 },
    ];
    for (const code of EXPERT_FIELD_CODES) codes.addRow({ code, name: expertFieldName(code)!.nameZh });
    codes.addRow({});
    codes.addRow({ code: '盟市代码', name: '盟市' });
    for (const b of DEFAULT_RECOMMENDING_BODIES) codes.addRow({ code: b.id, name: b.nameZh });
    codes.addRow({ code: '区外', name: '内蒙古自治区以外' });
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    return { fileName: '专家库导入模板.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: bytes.toString('base64') };
  }
}
