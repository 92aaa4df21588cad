import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { BatchReportViewV1, ExportBatchReportV1, ExportedFileV1, ExportReviewReportV1, ReviewReportViewV1 } from '@firstset/contracts';
import { REPORT_RECOMMENDATION_LABELS, ReportRecommendation, toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { renderPdf } from '@firstset/service-kit';
import { ReadBatchReports } from './batch-reports';
import { ReadReviewReport } from './read-review-report';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const recommendationZh = (r: string | null) => (r ? (REPORT_RECOMMENDATION_LABELS[r as ReportRecommendation]?.zh ?? r) : '（未填写）');
const signedLine = (signedAt: string | null, by: string | null) =>
  signedAt ? `签发：${by ?? '—'}\u3000日期：${toShanghaiDate(new Date(signedAt))}` : '（草稿，未签发 / draft, not signed off）';
const EXPERT_RECOMMENDATION_ZH: Record<string, string> = { recommend: '建议认定', not_recommend: '不建议认定', on_site_needed: '建议现场核查' };
const expertRecommendationZh = (r: string | null) => (r ? (EXPERT_RECOMMENDATION_ZH[r] ?? r) : '—');
const draftMark = (status: string) => (status === 'signed_off' ? '' : '（草稿）');

/** The reports as files (M8.1, M9.1): whoever may read a report may export it. */
@Injectable()
export class ExportReports {
  constructor(
    private readonly reports: ReadReviewReport,
    private readonly batches: ReadBatchReports,
  ) {}

  async review(input: ExportReviewReportV1, meta: MessageMeta): Promise<ExportedFileV1> {
    const r = await this.reports.get({ applicationId: input.applicationId }, meta);
    const stem = `${r.applicationNo}综合评审报告${draftMark(r.status)}`;
    return input.format === 'pdf'
      ? { fileName: `${stem}.pdf`, contentType: 'application/pdf', base64: (await reviewReportPdf(r)).toString('base64') }
      : { fileName: `${stem}.xlsx`, contentType: XLSX, base64: (await reviewReportXlsx(r)).toString('base64') };
  }

  async batch(input: ExportBatchReportV1, meta: MessageMeta): Promise<ExportedFileV1> {
    const b = await this.batches.one(input.batchId, input.commissionId, meta);
    const stem = `${b.institutionName}批次评审报告${draftMark(b.status)}`;
    return input.format === 'pdf'
      ? { fileName: `${stem}.pdf`, contentType: 'application/pdf', base64: (await batchReportPdf(b)).toString('base64') }
      : { fileName: `${stem}.xlsx`, contentType: XLSX, base64: (await batchReportXlsx(b)).toString('base64') };
  }
}

const th = (text: string) => ({ text, bold: true });

/** One case's report as PDF: the recommendation and reasons, criterion means, anonymised experts, on-site conclusions. */
export function reviewReportPdf(r: ReviewReportViewV1): Promise<Buffer> {
  const c = r.content;
  return renderPdf({
    info: { title: `${r.applicationNo}综合评审报告` },
    content: [
      { text: `综合评审报告${draftMark(r.status)}`, bold: true, fontSize: 15, alignment: 'center', margin: [0, 0, 0, 12] },
      { text: `申报编号：${r.applicationNo}\u3000申请单位：${r.enterpriseName}\u3000产品：${r.productName}` },
      { text: `评审机构：${r.institutionName}\u3000综合得分：${c.weightedScore ?? '—'}`, margin: [0, 4, 0, 8] },
      { text: '一、各评分项平均分', bold: true, margin: [0, 8, 0, 4] },
      { table: { headerRows: 1, widths: ['*', 60, 60], body: [[th('评分项'), th('满分'), th('平均分')], ...c.criterionMeans.map((m) => [m.nameZh, String(m.max), String(m.mean)])] } },
      { text: '二、专家评审意见', bold: true, margin: [0, 8, 0, 4] },
      {
        table: {
          headerRows: 1,
          widths: [50, 50, 70, '*'],
          body: [[th('专家'), th('总分'), th('建议'), th('意见')], ...c.experts.map((e) => [e.label, String(e.weightedTotal), expertRecommendationZh(e.recommendation), e.opinion])],
        },
      },
      { text: '三、现场核查结论', bold: true, margin: [0, 8, 0, 4] },
      ...(c.siteConclusions.length === 0
        ? [{ text: '未开展现场核查。' }]
        : c.siteConclusions.map((v) => ({ text: `${v.visitOn}：${v.conclusionLabel.zh}${v.note ? `（${v.note}）` : ''}` }))),
      { text: '四、评审结论', bold: true, margin: [0, 8, 0, 4] },
      { text: `${recommendationZh(r.recommendation)}。理由：${r.reasons ?? ''}` },
      { text: r.institutionName, alignment: 'right', margin: [0, 24, 0, 0] },
      { text: signedLine(r.signedAt, r.signedByName), alignment: 'right' },
    ],
  });
}

/** One case's report as a workbook: sheet 评审报告 (summary and criterion means), sheet 专家意见. */
export async function reviewReportXlsx(r: ReviewReportViewV1): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet('评审报告');
  summary.columns = [{ width: 22 }, { width: 60 }];
  summary.addRows([
    ['申报编号', r.applicationNo],
    ['申请单位', r.enterpriseName],
    ['产品名称', r.productName],
    ['评审机构', r.institutionName],
    ['综合得分', r.content.weightedScore ?? ''],
    ['评审结论', recommendationZh(r.recommendation)],
    ['理由', r.reasons ?? ''],
    ['现场核查', r.content.siteConclusions.map((v) => `${v.visitOn} ${v.conclusionLabel.zh}${v.note ? `：${v.note}` : ''}`).join('\n') || '未开展'],
    ['签发', signedLine(r.signedAt, r.signedByName)],
    [],
    ['评分项', '平均分'],
    ...r.content.criterionMeans.map((m) => [`${m.nameZh}（满分 ${m.max}）`, m.mean]),
  ]);
  const experts = book.addWorksheet('专家意见');
  experts.columns = [
    { header: '专家', key: 'label', width: 10 },
    { header: '总分', key: 'total', width: 10 },
    { header: '建议', key: 'recommendation', width: 16 },
    { header: '意见', key: 'opinion', width: 60 },
  ];
  for (const e of r.content.experts) experts.addRow({ label: e.label, total: e.weightedTotal, recommendation: expertRecommendationZh(e.recommendation), opinion: e.opinion });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const batchRows = (b: BatchReportViewV1) =>
  b.entries.map((e, i) => [String(i + 1), e.applicationNo, e.enterpriseName, e.productName, e.weightedScore === null ? '—' : String(e.weightedScore), recommendationZh(e.recommendation)]);
const BATCH_HEADER = ['序号', '申报编号', '申请单位', '产品名称', '综合得分', '评审结论'];

/** A batch report as PDF: every case with its score and recommendation, the remarks, the sign-off. */
export function batchReportPdf(b: BatchReportViewV1): Promise<Buffer> {
  return renderPdf({
    info: { title: `${b.institutionName}批次评审报告` },
    content: [
      { text: `批次综合评审报告${draftMark(b.status)}`, bold: true, fontSize: 15, alignment: 'center', margin: [0, 0, 0, 12] },
      { text: '自治区工业和信息化厅：' },
      { text: `受委托，我机构对本批次 ${b.entries.length} 项申报完成综合评审，结论如下：`, margin: [0, 8, 0, 8] },
      { table: { headerRows: 1, widths: [30, 90, '*', '*', 50, 60], body: [BATCH_HEADER.map(th), ...batchRows(b)] } },
      { text: `总体意见：${b.remarks ?? ''}`, margin: [0, 8, 0, 0] },
      { text: b.institutionName, alignment: 'right', margin: [0, 24, 0, 0] },
      { text: signedLine(b.signedAt, b.signedByName), alignment: 'right' },
    ],
  });
}

/** A batch report as a workbook (sheet 批次评审报告). */
export async function batchReportXlsx(b: BatchReportViewV1): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('批次评审报告');
  sheet.columns = [6, 24, 32, 28, 10, 14].map((width, i) => ({ header: BATCH_HEADER[i], width }));
  for (const row of batchRows(b)) sheet.addRow(row);
  sheet.addRow([]);
  sheet.addRow(['总体意见', b.remarks ?? '']);
  sheet.addRow(['签发', signedLine(b.signedAt, b.signedByName)]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
