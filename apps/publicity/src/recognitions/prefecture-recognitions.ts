import type { ExportedFileV1, ListPrefectureRecognitionsV1, PrefectureExpiryNoticeV1, PrefectureRecognitionPageV1, PrefectureRecognitionViewV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { pageOf } from '@firstset/contracts';
import { LocalDate, PRODUCT_KIND_LABELS, ProductKind, toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Prisma, Recognition } from '../generated/prisma/client';
import { Db } from '../prisma';
import { statusWhere, toPublicRecognitionView } from './registry-view';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A workbook travels in one reply (NATS payload, 1 MiB): 5,000 rows are about 430 kB in base64, far more than a prefecture has. */
const EXPORT_LIMIT = 5000;
const ORDER: Prisma.RecognitionOrderByWithRelationInput[] = [{ documentDate: 'desc' }, { enterpriseName: 'asc' }, { id: 'asc' }];
const STATUS_ZH: Record<string, string> = { valid: '有效', expired: '已过有效期', revoked: '已撤销', not_yet_valid: '尚未生效' };

/** The officer's prefecture's products matching the filters; the prefecture is the actor's, never the caller's input. */
function prefectureWhere(prefectureId: string, q: ListPrefectureRecognitionsV1, today: LocalDate): Prisma.RecognitionWhereInput {
  const and: Prisma.RecognitionWhereInput[] = [{ prefectureId }];
  const words = q.search?.trim();
  if (words) {
    const contains = { contains: words, mode: 'insensitive' as const };
    and.push({ OR: [{ enterpriseName: contains }, { uscc: contains }, { productName: contains }, { model: contains }, { documentNo: contains }, { certificateNo: contains }] });
  }
  if (q.productKind) and.push({ productKind: q.productKind });
  if (q.fieldCode) and.push({ fieldCode: q.fieldCode });
  if (q.year) and.push({ year: q.year });
  if (q.status) and.push(statusWhere(q.status, today));
  return { AND: and };
}

type WithNotices = Recognition & { expiryNotices: Array<{ daysBefore: number; sentAt: Date }> };

const toView = (r: WithNotices, today: LocalDate): PrefectureRecognitionViewV1 => ({
  ...toPublicRecognitionView(r, today),
  expiryNotices: [...r.expiryNotices].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime()).map((n) => n.daysBefore),
});

/**
 * Each prefecture's recognized products (M14: the prefectures bring them into their support
 * policies), with status and validity (M13.2), listed, exported as XLSX, and the expiry notices
 * sent about them: the prefecture officer's own prefecture only.
 */
@Injectable()
export class ReadPrefectureRecognitions {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private scope(meta: MessageMeta): { prefectureId: string; today: LocalDate } {
    const actor = requireActor(meta, ['prefecture_officer']);
    return { prefectureId: actor.prefectureId!, today: toShanghaiDate(this.clock.now()) };
  }

  async list(q: ListPrefectureRecognitionsV1, meta: MessageMeta): Promise<PrefectureRecognitionPageV1> {
    const { prefectureId, today } = this.scope(meta);
    const { page, pageSize, skip, take } = pageOf(q);
    const where = prefectureWhere(prefectureId, q, today);
    const [rows, total] = await Promise.all([
      this.db.recognition.findMany({ where, include: { expiryNotices: true }, orderBy: ORDER, skip, take }),
      this.db.recognition.count({ where }),
    ]);
    return { items: rows.map((r) => toView(r, today)), total, page, pageSize };
  }

  async export(q: ListPrefectureRecognitionsV1, meta: MessageMeta): Promise<ExportedFileV1> {
    const { prefectureId, today } = this.scope(meta);
    const rows = await this.db.recognition.findMany({ where: prefectureWhere(prefectureId, q, today), include: { expiryNotices: true }, orderBy: ORDER, take: EXPORT_LIMIT });
    const book = await recognitionsXlsx(rows.map((r) => toView(r, today)));
    return { fileName: `认定产品清单-${prefectureId}-${today}.xlsx`, contentType: XLSX, base64: book.toString('base64') };
  }

  async notices(meta: MessageMeta): Promise<PrefectureExpiryNoticeV1[]> {
    const { prefectureId } = this.scope(meta);
    const rows = await this.db.expiryNotice.findMany({ where: { recognition: { prefectureId } }, include: { recognition: true }, orderBy: [{ sentAt: 'desc' }, { daysBefore: 'asc' }], take: 200 });
    return rows.map((n) => ({
      recognitionId: n.recognitionId,
      daysBefore: n.daysBefore,
      sentAt: n.sentAt.toISOString(),
      validUntil: n.recognition.validUntil,
      enterpriseName: n.recognition.enterpriseName,
      productName: n.recognition.productName,
      certificateNo: n.recognition.certificateNo,
    }));
  }
}

export const PREFECTURE_EXPORT_HEADER = ['序号', '申请单位', '统一社会信用代码', '产品名称', '型号', '产品类别', '所属领域', '认定年度', '认定文件号', '证书编号', '有效期起', '有效期至', '状态', '到期提醒'];

/** The products as a workbook (sheet 认定产品), one row each, in the list's order. */
export async function recognitionsXlsx(rows: readonly PrefectureRecognitionViewV1[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('认定产品');
  sheet.columns = [6, 32, 22, 28, 16, 14, 10, 10, 28, 18, 12, 12, 8, 14].map((width, i) => ({ header: PREFECTURE_EXPORT_HEADER[i], width }));
  rows.forEach((r, i) =>
    sheet.addRow([
      i + 1,
      r.enterpriseName,
      r.uscc,
      r.product.name,
      r.product.model,
      PRODUCT_KIND_LABELS[r.product.kind as ProductKind]?.zh ?? r.product.kind,
      r.fieldCode ?? '',
      r.year,
      r.documentNo,
      r.certificateNo ?? '',
      r.validFrom,
      r.validUntil,
      STATUS_ZH[r.status] ?? r.status,
      r.expiryNotices.map((d) => `${d}天`).join('、'),
    ]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
