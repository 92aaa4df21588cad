import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  AUDITED_SERVICES,
  AuditCursorV1,
  auditRecordsContract,
  type AuditFiltersV1,
  type AuditLogEntryV1,
  type AuditLogPageV1,
  type AuditRecordV1,
  type SearchAuditRecordsV1,
} from '@firstset/contracts';
import { ActorContext, isUuid, ServiceError } from '@firstset/messaging';
import { AuditRecorder, auditLogWorkbook, Clock, compareAuditRecords, PRISMA, searchAuditRecords, SERVICE_CONFIG } from '@firstset/service-kit';
import { GatewayConfig } from '../config';
import { ServiceCaller } from '../http/service-caller';
import { Db } from '../prisma';
import { AuditLogQueryV1 } from './audit-log.query';

/** Most records one export holds; a larger selection is refused with a message to narrow it. */
export const AUDIT_EXPORT_CAP = 5000;
/** Records asked of each source per round of an export (the NATS payload stays well below 1 MiB). */
const EXPORT_ROUND = 500;
const DEFAULT_PAGE = 50;

const badFilter = (field: string, zh: string, en: string) =>
  new ServiceError('VALIDATION_FAILED', 400, '请求参数有误 / The request is invalid', en, [{ field, message: `${zh} / ${en}`, rule: field }]);

export const auditExportTooLarge = (cap: number) =>
  new ServiceError(
    'AUDIT_EXPORT_TOO_LARGE',
    422,
    `所选记录超过 ${cap} 条，请缩小筛选范围后再导出 / The selection holds more than ${cap} records; narrow the filters and export again`,
    `an export holds at most ${cap} records`,
  );

const encodeCursor = (r: AuditRecordV1) => Buffer.from(JSON.stringify({ occurredAt: r.occurredAt, service: r.service, id: r.id })).toString('base64url');

function decodeCursor(text: string): AuditCursorV1 {
  let plain: unknown;
  try {
    plain = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    plain = undefined;
  }
  const cursor = plainToInstance(AuditCursorV1, plain ?? {});
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain) || validateSync(cursor, { whitelist: true, forbidNonWhitelisted: true }).length > 0) {
    throw badFilter('cursor', '翻页标记无效，请从第一页重新查询', 'the cursor is not one this log gave out; start from the first page');
  }
  return cursor;
}

/** The application a record is about: the object itself, or the one its detail names. */
function applicationOf(r: AuditRecordV1): string | null {
  if (r.objectType === 'application' && r.objectId && isUuid(r.objectId)) return r.objectId;
  const named = r.detail?.applicationId;
  return typeof named === 'string' && isUuid(named) ? named : null;
}

/**
 * The platform's audit log read as one (ADR 0028): each service answers for its own records
 * (`<service>.audit.records.v1`), the gateway reads its own table, and the pages are merged by
 * time, service and id under a keyset cursor: no global count, no offset. Persons come from the
 * accounts the gateway owns.
 */
@Injectable()
export class AuditLog {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    private readonly services: ServiceCaller,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
  ) {}

  async page(req: Request, query: AuditLogQueryV1): Promise<AuditLogPageV1> {
    const size = query.pageSize ?? DEFAULT_PAGE;
    const search = await this.searchOf(query);
    if (search === null) return { items: [], nextCursor: null, retentionMonths: this.config.auditRetentionMonths };
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await this.merged(req, search, after, size + 1);
    const items = rows.slice(0, size);
    return {
      items: await this.withPersons(items),
      nextCursor: rows.length > size ? encodeCursor(items[items.length - 1]) : null,
      retentionMonths: this.config.auditRetentionMonths,
    };
  }

  /** The whole selection as XLSX, at most AUDIT_EXPORT_CAP records; the export is itself audited. */
  async export(req: Request, query: AuditLogQueryV1): Promise<{ fileName: string; body: Buffer }> {
    const r = req as Request & { id: string; actor: ActorContext };
    const filters = { ...query, cursor: undefined, pageSize: undefined };
    const search = await this.searchOf(query);
    const rows: AuditRecordV1[] = [];
    let after: AuditCursorV1 | undefined;
    while (search !== null && rows.length <= AUDIT_EXPORT_CAP) {
      const round = await this.merged(req, search, after, EXPORT_ROUND);
      rows.push(...round);
      if (round.length < EXPORT_ROUND) break;
      const last = round[round.length - 1];
      after = { occurredAt: last.occurredAt, service: last.service, id: last.id };
    }
    const meta = { requestId: r.id, actor: r.actor };
    if (rows.length > AUDIT_EXPORT_CAP) {
      await this.audit.record(this.db, meta, { action: 'audit.export', objectType: 'audit_log', outcome: 'rejected', detail: { filters, reason: 'too large' } });
      throw auditExportTooLarge(AUDIT_EXPORT_CAP);
    }
    const now = this.clock.now();
    const body = await auditLogWorkbook(await this.withPersons(rows), { generatedAt: now, filters });
    await this.audit.record(this.db, meta, { action: 'audit.export', objectType: 'audit_log', outcome: 'succeeded', detail: { filters, records: rows.length } });
    return { fileName: `审计日志-${now.toISOString().slice(0, 10)}.xlsx`, body };
  }

  /** The query as each source takes it; null when the actor filter names nobody. */
  private async searchOf(query: AuditLogQueryV1): Promise<Omit<SearchAuditRecordsV1, 'limit' | 'after'> | null> {
    if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)) {
      throw badFilter('to', '结束时间须晚于开始时间', '"to" must be later than "from"');
    }
    const filters: AuditFiltersV1 = {
      role: query.role,
      organisation: query.organisation,
      action: query.action,
      objectType: query.objectType,
      objectId: query.objectId,
      from: query.from,
      to: query.to,
      requestId: query.requestId,
      outcome: query.outcome,
    };
    const actor = query.actor?.trim();
    if (!actor) return filters;
    return { ...filters, actorIds: await this.actorIdsOf(actor) };
  }

  /**
   * The user ids an actor filter stands for: the text itself (an id, or a non-account actor such
   * as `system:…`), and every account whose id or username it is, or whose name contains it.
   */
  private async actorIdsOf(actor: string): Promise<string[]> {
    const like = `%${actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const accounts = await this.db.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT id::text AS id FROM "${this.config.dbSchema}"."accounts"
        WHERE id::text = $1 OR username = $1 OR display_name ILIKE $2 ESCAPE '\\'
        LIMIT 199`,
      actor,
      like,
    );
    return [actor, ...accounts.map((a) => a.id)];
  }

  /** One merged page: each source's next `limit` records after the cursor, merged, the first `limit` kept. */
  private async merged(req: Request, search: Omit<SearchAuditRecordsV1, 'limit' | 'after'>, after: AuditCursorV1 | undefined, limit: number): Promise<AuditRecordV1[]> {
    const q: SearchAuditRecordsV1 = { ...search, limit, ...(after ? { after } : {}) };
    const parts = await Promise.all([
      ...AUDITED_SERVICES.map((s) => this.services.call(req, auditRecordsContract(s), q) as Promise<AuditRecordV1[]>),
      searchAuditRecords(this.db, this.config.dbSchema, 'gateway', q),
    ]);
    return parts.flat().sort(compareAuditRecords).slice(0, limit);
  }

  /** The person behind each record, by the account the gateway keeps for the actor's id. */
  private async withPersons(rows: AuditRecordV1[]): Promise<AuditLogEntryV1[]> {
    const ids = [...new Set(rows.map((r) => r.actorId).filter(isUuid))];
    const accounts = ids.length ? await this.db.account.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }) : [];
    const names = new Map(accounts.map((a) => [a.id, a.displayName]));
    return rows.map((r) => ({ ...r, actorName: names.get(r.actorId) ?? null, applicationId: applicationOf(r) }));
  }
}
