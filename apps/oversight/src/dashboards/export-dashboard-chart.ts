import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { DashboardV1, ExportDashboardChartV1, ExportedFileV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { ReadDashboard } from './read-dashboard';

type Cell = string | number | null;
interface Table {
  title: string;
  header: string[];
  rows: Cell[][];
}

/** Column headers in Chinese first, English second, like every export of the platform. */
const h = (zh: string, en: string) => `${zh} ${en}`;

/** The numbers behind each chart, as a table: what the chart draws, nothing more. */
export function chartTable(d: DashboardV1, chart: ExportDashboardChartV1['chart']): Table {
  switch (chart) {
    case 'states':
      return { title: '申报状态', header: [h('状态', 'State'), h('数量', 'Count')], rows: d.states.map((s) => [s.state, s.count]) };
    case 'stages':
      return {
        title: '各环节用时',
        header: [h('环节', 'Stage'), h('已完成', 'Completed'), h('进行中', 'In stage'), h('中位数（天）', 'Median days'), h('90分位（天）', 'P90 days')],
        rows: d.stages.map((s) => [s.stage, s.completed, s.inStage, s.medianDays, s.p90Days]),
      };
    case 'deadlines':
      return {
        title: '期限执行',
        header: [h('期限', 'Deadline'), h('按期', 'Met'), h('逾期', 'Missed'), h('未到期', 'Open')],
        rows: d.deadlines.map((x) => [x.deadline, x.met, x.missed, x.open]),
      };
    case 'returns':
      return { title: '退回补正事项', header: [h('事项', 'Item'), h('次数', 'Count')], rows: d.returns.byItem.map((r) => [r.item, r.count]) };
    case 'objections':
      return { title: '异议', header: [h('结果', 'Outcome'), h('数量', 'Count')], rows: d.objections.map((o) => [o.outcome, o.count]) };
    case 'sanctions':
      return { title: '处理措施', header: [h('措施', 'Measure'), h('数量', 'Count')], rows: d.sanctions.map((s) => [s.measure, s.count]) };
    case 'prefectures':
      return {
        title: '各盟市',
        header: [
          h('盟市', 'Prefecture'),
          h('申报', 'Applications'),
          h('退回补正', 'Returned'),
          h('推荐', 'Recommended'),
          h('不予推荐', 'Rejected'),
          h('认定', 'Recognized'),
          h('初审用时中位数（天）', 'Preliminary review median days'),
        ],
        rows: d.prefectures.map((p) => [p.prefectureId, p.applications, p.returned, p.recommended, p.rejected, p.recognized, p.preliminaryReviewMedianDays]),
      };
  }
}

/** RFC 4180, with a leading quote for cells a spreadsheet would run as a formula. */
export const csvCell = (c: Cell) => {
  if (c === null) return '';
  const s = typeof c === 'number' ? String(c) : /^[=+\-@\t\r]/.test(c) ? `'${c}` : c;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One chart's numbers as CSV (UTF-8 with BOM, so spreadsheets read the Chinese) or XLSX. */
@Injectable()
export class ExportDashboardChart {
  constructor(private readonly read: ReadDashboard) {}

  async execute(input: ExportDashboardChartV1, meta: MessageMeta): Promise<ExportedFileV1> {
    const { chart, format = 'csv', ...filters } = input;
    const dashboard = await this.read.execute(filters, meta);
    const table = chartTable(dashboard, chart);
    const base = `统计分析-${table.title}-${dashboard.asOf}`;
    if (format === 'xlsx') {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet(table.title);
      sheet.addRow(table.header).font = { bold: true };
      for (const row of table.rows) sheet.addRow(row);
      const buffer = Buffer.from(await book.xlsx.writeBuffer());
      return { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buffer.toString('base64') };
    }
    const text = [table.header, ...table.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
    return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', base64: Buffer.from(`\uFEFF${text}`, 'utf8').toString('base64') };
  }
}
