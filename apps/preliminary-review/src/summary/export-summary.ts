import type { ExportedFileV1 } from '@firstset/contracts';
import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { SummaryRefV1 } from '@firstset/contracts';
import { EQUIPMENT_FIELDS_CATALOGUE } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { PreliminaryReviewErrors } from '../preliminary-review.errors';
import { ReadSummary } from './read-summary';
import { recommendationLetterPdf } from './recommendation-letter';
import { SummaryView } from './summary-view';

export type ExportedFile = ExportedFileV1;

/**
 * Largest export sent in a reply: base64 of it stays under NATS's default 1 MiB payload. Measured:
 * the letter of 300 recommendations is 260 KB (the embedded CJK font subset is most of it), the
 * table a tenth of that, so a prefecture's summary stays far below; past this it is refused clearly.
 */
const MAX_EXPORT_BYTES = 700 * 1024;

function exported(fileName: string, contentType: string, buffer: Buffer): ExportedFile {
  if (buffer.length > MAX_EXPORT_BYTES) throw PreliminaryReviewErrors.exportTooLarge(buffer.length);
  return { fileName, contentType, base64: buffer.toString('base64') };
}

const KIND_ZH: Record<string, string> = {
  FIRST_SET_EQUIPMENT: '首台（套）技术装备',
  FIRST_BATCH_COMPONENT: '首批（次）关键零部件',
  FIRST_BATCH_MATERIAL: '首批（次）新材料',
};
export const kindZh = (kind: string) => KIND_ZH[kind] ?? kind;

/** "EF04 大型矿山和冶金装备" for an M4.2 field; a new-materials category by its code. */
export function fieldZh(code: string | undefined): string {
  if (!code) return '';
  const entry = EQUIPMENT_FIELDS_CATALOGUE.entries.find((e) => e.code === code);
  return entry ? `${code} ${entry.nameZh}` : code;
}

/** The summary's exports: the table as Excel, the recommendation letter as PDF (M7.3). */
@Injectable()
export class ExportSummary {
  constructor(private readonly summaries: ReadSummary) {}

  async table(input: SummaryRefV1, meta: MessageMeta): Promise<ExportedFile> {
    const s = await this.summaries.execute(input, meta);
    return exported(`${fileStem(s)}汇总表.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await summaryTableXlsx(s));
  }

  async letter(input: SummaryRefV1, meta: MessageMeta): Promise<ExportedFile> {
    const s = await this.summaries.execute(input, meta);
    const buffer = await recommendationLetterPdf(s);
    return exported(`${fileStem(s)}推荐函.pdf`, 'application/pdf', buffer);
  }
}

const fileStem = (s: SummaryView) => `${s.year}年度${s.prefectureName}${s.sequence > 0 ? `补报${s.sequence}` : ''}${s.status === 'DRAFT' ? '（草稿）' : ''}`;

/** The summary table as an Excel workbook (sheet 汇总表), in the summary's order. */
export async function summaryTableXlsx(s: SummaryView): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('汇总表');
  sheet.columns = [
    { header: '序号', key: 'order', width: 6 },
    { header: '申报编号', key: 'applicationNo', width: 24 },
    { header: '申请单位', key: 'enterprise', width: 32 },
    { header: '统一社会信用代码', key: 'uscc', width: 22 },
    { header: '产品类别', key: 'kind', width: 20 },
    { header: '所属领域', key: 'field', width: 22 },
    { header: '产品名称', key: 'product', width: 28 },
    { header: '型号', key: 'model', width: 14 },
    { header: '盟市推荐意见', key: 'opinion', width: 40 },
  ];
  for (const e of s.entries) {
    sheet.addRow({ order: e.order, applicationNo: e.applicationNo, enterprise: e.enterprise.name, uscc: e.enterprise.uscc, kind: kindZh(e.product.kind), field: fieldZh(e.catalogueEntryCode), product: e.product.name, model: e.product.model, opinion: e.opinion });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
