import type { PanelApplicationViewV1, PanelRunViewV1 } from '@firstset/contracts';
import { ApplicationState } from '@firstset/domain';
import { notFound } from '@firstset/service-kit';
import { PanelRun, Prisma } from '../generated/prisma/client';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Db, Tx } from '../prisma';

/** A proposed seat as stored in the run. */
export interface StoredSeat {
  expertId: string;
  fieldMatch: boolean;
  loadAfter: number;
  reasonZh: string;
  reasonEn: string;
  adjusted: boolean;
}

export interface StoredShortfall {
  kind: string;
  seats: number;
  reasonZh: string;
  reasonEn: string;
}

export interface StoredApplication {
  applicationId: string;
  applicationNo: string;
  productName: string;
  enterpriseName: string;
  fieldCode: string | null;
  commissionId: string;
  /** Active experts when proposed: the confirmation finds exactly these, or the run is stale. */
  kept: string[];
  proposed: StoredSeat[];
  shortfalls: StoredShortfall[];
}

/** `panel_runs.proposal`: the rules applied, the scope, and the panels as proposed then adjusted. */
export interface StoredProposal {
  rules: { panelSize: number; fieldMatchesRequired: number; maxLoadPerExpert: number };
  applicationId: string | null;
  seatsWanted: number;
  applications: StoredApplication[];
  assignmentsCreated?: number;
}

export const proposalOf = (run: PanelRun): StoredProposal => run.proposal as unknown as StoredProposal;
export const asJson = (p: StoredProposal): Prisma.InputJsonValue => p as unknown as Prisma.InputJsonValue;

/** The institution's commissions of the batch that have not ended: what a run may cover. */
export async function openCommissionsOf(db: Tx | Db, institutionId: string, batchId: string) {
  return db.commission.findMany({ where: { institutionId, batchId, endedAt: null }, orderBy: [{ commissionedAt: 'asc' }, { id: 'asc' }] });
}

/** A run of the caller's institution (through its commission); another institution's is "not found". */
export async function runOfInstitution(db: Tx | Db, runId: string, institutionId: string): Promise<PanelRun> {
  const run = await db.panelRun.findUnique({ where: { id: runId } });
  if (!run) throw notFound('panel run');
  const commission = await db.commission.findUnique({ where: { id: run.commissionId } });
  if (!commission || commission.institutionId !== institutionId) throw notFound('panel run');
  return run;
}

/**
 * The run still describes the cases: each is held by the same commission, which has not ended, is
 * under review, and has exactly the active experts the run kept. Otherwise it is stale (409).
 */
export async function assertRunCurrent(tx: Tx, run: PanelRun, proposal: StoredProposal): Promise<void> {
  const ids = proposal.applications.map((a) => a.applicationId);
  const cases = await tx.reviewCase.findMany({
    where: { id: { in: ids } },
    include: { commission: true, assignments: { where: { status: 'active' }, select: { expertId: true } } },
  });
  const byId = new Map(cases.map((c) => [c.id, c]));
  for (const a of proposal.applications) {
    const c = byId.get(a.applicationId);
    if (!c || c.commissionId !== a.commissionId || !c.commission || c.commission.endedAt)
      throw ExpertManagementErrors.panelRunStale(`${a.applicationNo}: the commission holding the case ended or changed`);
    if (c.state !== ApplicationState.UNDER_COMPREHENSIVE_REVIEW) throw ExpertManagementErrors.panelRunStale(`${a.applicationNo}: state ${c.state}`);
    const active = c.assignments.map((x) => x.expertId).sort();
    if (active.join() !== [...a.kept].sort().join()) throw ExpertManagementErrors.panelRunStale(`${a.applicationNo}: its active experts changed since the proposal`);
  }
}

/** The run as the institution reads it, with the experts' names. */
export async function toPanelRunView(db: Tx | Db, run: PanelRun): Promise<PanelRunViewV1> {
  const p = proposalOf(run);
  const ids = [...new Set(p.applications.flatMap((a) => [...a.kept, ...a.proposed.map((s) => s.expertId)]))];
  const experts = await db.expert.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, fieldCodes: true } });
  const byId = new Map(experts.map((e) => [e.id, e]));
  const applications = p.applications.map(
    (a): PanelApplicationViewV1 => ({
      applicationId: a.applicationId,
      applicationNo: a.applicationNo,
      productName: a.productName,
      enterpriseName: a.enterpriseName,
      fieldCode: a.fieldCode,
      commissionId: a.commissionId,
      kept: a.kept.map((id) => ({ expertId: id, expertName: byId.get(id)?.name ?? id, fieldMatch: !!a.fieldCode && !!byId.get(id)?.fieldCodes.includes(a.fieldCode) })),
      proposed: a.proposed.map((s) => ({ ...s, expertName: byId.get(s.expertId)?.name ?? s.expertId })),
      shortfalls: a.shortfalls,
    }),
  );
  return {
    id: run.id,
    batchId: run.batchId,
    seed: run.seed,
    ...p.rules,
    proposedAt: run.proposedAt.toISOString(),
    proposedBy: run.proposedBy,
    confirmedAt: run.confirmedAt?.toISOString() ?? null,
    confirmedBy: run.confirmedBy,
    seatsWanted: p.seatsWanted,
    seatsFilled: p.applications.reduce((s, a) => s + a.proposed.length, 0),
    applications,
    ...(p.assignmentsCreated !== undefined ? { assignmentsCreated: p.assignmentsCreated } : {}),
  };
}
