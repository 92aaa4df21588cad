import ExcelJS from 'exceljs';
import type { AuditLogEntryV1 } from '@firstset/contracts';

const ROLE_LABELS: Record<string, string> = {
  enterprise: '企业',
  prefecture_officer: '盟市工信部门',
  department_officer: '自治区工信厅',
  institution_staff: '第三方机构',
  expert: '专家',
  auditor: '审计员',
  public: '公众',
  system: '系统',
};
const OUTCOME_LABELS: Record<string, string> = { succeeded: '成功', rejected: '被拒绝' };

/**
 * The audit log's selection as an XLSX workbook (ADR 0028): one row a record, in the log's order,
 * every column the record keeps (the detail as JSON), headings in Chinese and English.
 */
export async function auditLogWorkbook(entries: AuditLogEntryV1[], meta: { generatedAt: Date; filters: Record<string, unknown> }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = meta.generatedAt;
  const sheet = book.addWorksheet('审计日志');
  sheet.columns = [
    { header: '时间 Time (UTC)', key: 'occurredAt', width: 26 },
    { header: '人员 Person', key: 'actorName', width: 16 },
    { header: '用户标识 User id', key: 'actorId', width: 38 },
    { header: '角色 Role', key: 'role', width: 16 },
    { header: '所属单位 Organisation', key: 'organisation', width: 30 },
    { header: '操作 Action', key: 'action', width: 28 },
    { header: '对象类型 Object type', key: 'objectType', width: 18 },
    { header: '对象 Object id', key: 'objectId', width: 38 },
    { header: '结果 Outcome', key: 'outcome', width: 10 },
    { header: '请求标识 Request id', key: 'requestId', width: 38 },
    { header: '服务 Service', key: 'service', width: 18 },
    { header: '记录标识 Record id', key: 'id', width: 38 },
    { header: '详情 Detail', key: 'detail', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const e of entries) {
    sheet.addRow({
      occurredAt: e.occurredAt,
      actorName: e.actorName ?? '',
      actorId: e.actorId,
      role: ROLE_LABELS[e.actorRole] ? `${ROLE_LABELS[e.actorRole]} (${e.actorRole})` : e.actorRole,
      organisation: e.organisation ?? '',
      action: e.action,
      objectType: e.objectType,
      objectId: e.objectId ?? '',
      outcome: OUTCOME_LABELS[e.outcome] ?? e.outcome,
      requestId: e.requestId,
      service: e.service,
      id: e.id,
      detail: JSON.stringify(e.detail),
    });
  }
  const about = book.addWorksheet('筛选条件');
  about.addRow(['导出时间 Exported at (UTC)', meta.generatedAt.toISOString()]);
  about.addRow(['记录数 Records', entries.length]);
  for (const [k, v] of Object.entries(meta.filters)) if (v !== undefined) about.addRow([k, String(v)]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
