import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { BatchReportEntryV1, BatchReportViewV1, OptionalBatchDto, ReviewReportContentV1, SaveBatchReportV1, SignOffBatchReportV1 } from '@firstset/contracts';
import { ApplicationState, toShanghaiDate } from '@firstset/domain';
import { ActorContext, MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { institutionBannedOn } from '../commissions/sanctions';
import { ExpertManagementErrors } from '../expert-management.errors';
import { BatchReport, Commission, Institution, Prisma } from '../generated/prisma/client';
import { Db, Tx } from '../prisma';
import { workingInstitutionOf } from '../reviews/case-access';
import { requireDraftAt } from './save-review-report';

type HeldCommission = Commission & { institution: Institution };

/**
 * The open commission of the caller's institution on a batch; none (or a banned institution, M10.3)
 * is "not found"; a suspended one (ADR 0026) is refused with its case.
 */
export async function commissionOnBatch(tx: Tx, actor: ActorContext, batchId: string, now: Date): Promise<HeldCommission> {
  const today = toShanghaiDate(now);
  const institutionId = await workingInstitutionOf(tx, actor, today);
  const commission = await tx.commission.findFirst({ where: { batchId, institutionId, endedAt: null }, include: { institution: true } });
  if (!commission || institutionBannedOn(commission.institution, today)) throw notFound('batch');
  return commission;
}

/**
 * Each case the commission holds, with its report's status and recommendation, by application
 * number. A withdrawn application (M7.1, M10.2) is no longer reported on: it leaves the batch.
 */
export async function batchEntries(tx: Tx, commission: Commission): Promise<BatchReportEntryV1[]> {
  const cases = await tx.reviewCase.findMany({
    where: { commissionId: commission.id, state: { not: ApplicationState.WITHDRAWN } },
    orderBy: { applicationNo: 'asc' },
  });
  const reports = await tx.reviewReport.findMany({ where: { commissionId: commission.id } });
  return cases.map((c) => {
    const r = reports.find((x) => x.applicationId === c.id);
    const signed = r?.status === 'signed_off' ? (r.content as unknown as ReviewReportContentV1 | null) : null;
    return {
      applicationId: c.id,
      applicationNo: c.applicationNo,
      enterpriseName: c.enterpriseName,
      productName: c.productName,
      weightedScore: signed?.weightedScore ?? c.score ?? null,
      reportStatus: (r?.status ?? 'none') as BatchReportEntryV1['reportStatus'],
      recommendation: r?.recommendation ?? null,
      reasons: r?.reasons ?? null,
    };
  });
}

/** A batch report as read: signed off, the entries it was signed with; otherwise the cases as they stand. */
export async function toBatchView(tx: Tx, commission: HeldCommission, report: BatchReport | null): Promise<BatchReportViewV1> {
  const signed = report?.status === 'signed_off' && report.content;
  return {
    batchId: commission.batchId,
    commissionId: commission.id,
    institutionName: commission.institution.name,
    status: (report?.status ?? 'none') as BatchReportViewV1['status'],
    version: report?.version ?? 0,
    remarks: report?.remarks ?? null,
    entries: signed ? (report.content as unknown as BatchReportEntryV1[]) : await batchEntries(tx, commission),
    signedAt: report?.signedAt?.toISOString() ?? null,
    signedByName: report?.signedByName ?? null,
  };
}

const batchKey = (c: Commission) => ({ batchId_commissionId: { batchId: c.batchId, commissionId: c.id } });

/** The institution drafts its report on a batch it is commissioned for: its remarks, at the version read (M9.1). */
@Injectable()
export class SaveBatchReport {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: SaveBatchReportV1, meta: MessageMeta): Promise<BatchReportViewV1> {
    const actor = requireActor(meta, ['institution_staff']);
    const spec = { action: 'batch-report.save', objectType: 'batch', objectId: input.batchId };
    return this.commands.run(meta, spec, async (tx) => {
      const commission = await commissionOnBatch(tx, actor, input.batchId, this.clock.now());
      const existing = await tx.batchReport.findUnique({ where: batchKey(commission) });
      requireDraftAt(existing, input.expectedVersion);
      const remarks = input.remarks.trim();
      if (existing) {
        const { count } = await tx.batchReport.updateMany({ where: { id: existing.id, version: existing.version }, data: { remarks, version: { increment: 1 } } });
        if (count !== 1) throw ExpertManagementErrors.reportStale(existing.version);
      } else {
        await tx.batchReport.create({ data: { id: randomUUID(), batchId: commission.batchId, commissionId: commission.id, remarks } });
      }
      const report = await tx.batchReport.findUniqueOrThrow({ where: batchKey(commission) });
      return { result: await toBatchView(tx, commission, report), detail: { version: report.version } };
    });
  }
}

/**
 * The institution signs off its batch report, delivering it to the Department (M9.1): only once
 * every case the commission holds has a signed-off report (422 CASE_REPORTS_MISSING), from a draft
 * saved at the version read. The entries are frozen as signed.
 */
@Injectable()
export class SignOffBatchReport {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: SignOffBatchReportV1, meta: MessageMeta): Promise<BatchReportViewV1> {
    const actor = requireActor(meta, ['institution_staff']);
    const spec = { action: 'batch-report.sign-off', objectType: 'batch', objectId: input.batchId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const commission = await commissionOnBatch(tx, actor, input.batchId, now);
      const entries = await batchEntries(tx, commission);
      const missing = entries.filter((e) => e.reportStatus !== 'signed_off').length;
      if (entries.length === 0 || missing > 0) throw ExpertManagementErrors.caseReportsMissing(missing);
      const existing = await tx.batchReport.findUnique({ where: batchKey(commission) });
      requireDraftAt(existing, input.expectedVersion);
      if (!existing) throw ExpertManagementErrors.reportStale(0);
      const { count } = await tx.batchReport.updateMany({
        where: { id: existing.id, version: existing.version, status: 'draft' },
        data: { status: 'signed_off', content: entries as unknown as Prisma.InputJsonValue, signedBy: actor.userId, signedByName: actor.displayName ?? null, signedAt: now, version: { increment: 1 } },
      });
      if (count !== 1) throw ExpertManagementErrors.reportStale(existing.version);
      const report = await tx.batchReport.findUniqueOrThrow({ where: batchKey(commission) });
      return { result: await toBatchView(tx, commission, report), detail: { cases: entries.length } };
    });
  }
}

/**
 * Batch reports as each role may see them: the institution one per open commission it holds
 * (drafted, signed off or not yet begun); the Department and auditors those signed off (delivered).
 */
@Injectable()
export class ReadBatchReports {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async list(input: OptionalBatchDto, meta: MessageMeta): Promise<BatchReportViewV1[]> {
    const actor = requireActor(meta, ['institution_staff', 'department_officer', 'auditor']);
    const batch = input.batchId ? { batchId: input.batchId } : {};
    if (actor.role === 'institution_staff') {
      const today = toShanghaiDate(this.clock.now());
      const commissions = await this.db.commission.findMany({
        where: { institutionId: await workingInstitutionOf(this.db, actor, today), endedAt: null, ...batch },
        include: { institution: true },
        orderBy: { commissionedAt: 'desc' },
      });
      const held = commissions.filter((c) => !institutionBannedOn(c.institution, today));
      return Promise.all(held.map(async (c) => toBatchView(this.db, c, await this.db.batchReport.findUnique({ where: batchKey(c) }))));
    }
    const reports = await this.db.batchReport.findMany({ where: { status: 'signed_off', ...batch }, orderBy: { signedAt: 'desc' } });
    const commissions = await this.db.commission.findMany({ where: { id: { in: reports.map((r) => r.commissionId) } }, include: { institution: true } });
    return Promise.all(reports.map((r) => toBatchView(this.db, commissions.find((c) => c.id === r.commissionId)!, r)));
  }

  /** One batch report for an export: the institution's own (any status), the Department's delivered one. */
  async one(batchId: string, commissionId: string | undefined, meta: MessageMeta): Promise<BatchReportViewV1> {
    const reports = await this.list({ batchId }, meta);
    const found = reports.find((r) => !commissionId || r.commissionId === commissionId);
    if (!found) throw notFound('batch report');
    return found;
  }
}
