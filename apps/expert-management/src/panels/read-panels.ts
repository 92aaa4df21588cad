import type { PanelCandidateViewV1, PanelCaseViewV1, PanelOverviewV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { ListPanelCandidatesV1, ReadPanelsV1 } from '@firstset/contracts';
import { ApplicationState, PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { conflictsForCase } from '../conflicts/conflicts-for-case';
import { Db } from '../prisma';
import { institutionOf } from '../reviews/case-access';
import { reviewProfileOf } from '../reviews/review-rules';
import { batchLoads, blockersOf } from './eligibility';
import { proposalOf, runOfInstitution, toPanelRunView } from './panel-run';

/**
 * The institution's panels (M8.1): its batches, the cases with their active panels — those short
 * of experts, and those needing a replacement after a recusal or an exclusion — the newest run,
 * and for one seat the pool's experts with the reasons that keep any of them out (M11.1, M11.2).
 */
@Injectable()
export class ReadPanels {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  async overview(input: ReadPanelsV1, meta: MessageMeta): Promise<PanelOverviewV1> {
    const institutionId = institutionOf(requireActor(meta, ['institution_staff']));
    const open = await this.db.commission.findMany({ where: { institutionId, endedAt: null }, orderBy: [{ commissionedAt: 'desc' }, { id: 'asc' }] });
    const batches: PanelOverviewV1['batches'] = [];
    for (const c of open) {
      const b = batches.find((x) => x.batchId === c.batchId);
      if (b) b.commissionIds.push(c.id);
      else batches.push({ batchId: c.batchId, commissionIds: [c.id], commissionedAt: c.commissionedAt.toISOString() });
    }
    const batch = input.batchId ? batches.find((b) => b.batchId === input.batchId) : batches[0];
    if (input.batchId && !batch) throw notFound('batch');
    if (!batch) return { batches, batchId: null, cases: [], latestRun: null };
    const rows = await this.db.reviewCase.findMany({
      where: { commissionId: { in: batch.commissionIds } },
      include: { assignments: { include: { expert: { select: { name: true } } }, orderBy: [{ assignedAt: 'asc' }, { id: 'asc' }] } },
      orderBy: { applicationNo: 'asc' },
    });
    const cases = rows.map((c): PanelCaseViewV1 => {
      const panelSize = reviewProfileOf(this.profiles, c).panelSize;
      const active = c.assignments.filter((a) => a.status === 'active');
      const needsExperts = c.state === ApplicationState.UNDER_COMPREHENSIVE_REVIEW && active.length < panelSize;
      return {
        applicationId: c.id,
        applicationNo: c.applicationNo,
        productName: c.productName,
        enterpriseName: c.enterpriseName,
        fieldCode: c.fieldCode,
        state: c.state,
        activeExperts: active.map((a) => ({ expertId: a.expertId, expertName: a.expert.name })),
        panelSize,
        needsExperts,
        needsReplacement: needsExperts && c.assignments.some((a) => a.status !== 'active'),
      };
    });
    const run = await this.db.panelRun.findFirst({ where: { batchId: batch.batchId, commissionId: { in: batch.commissionIds } }, orderBy: [{ proposedAt: 'desc' }, { id: 'asc' }] });
    return { batches, batchId: batch.batchId, cases, latestRun: run ? await toPanelRunView(this.db, run) : null };
  }

  async candidates(input: ListPanelCandidatesV1, meta: MessageMeta): Promise<PanelCandidateViewV1[]> {
    const institutionId = institutionOf(requireActor(meta, ['institution_staff']));
    const run = await runOfInstitution(this.db, input.runId, institutionId);
    const proposal = proposalOf(run);
    const app = proposal.applications.find((a) => a.applicationId === input.applicationId);
    if (!app) throw notFound('application');
    const today = toShanghaiDate(this.clock.now());
    const reviewCase = await this.db.reviewCase.findUniqueOrThrow({ where: { id: app.applicationId } });
    const experts = await this.db.expert.findMany({ where: { institutionId }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    const conflicts = await conflictsForCase(this.db, reviewCase, experts, today, this.profiles);
    const loads = await batchLoads(this.db, run.batchId);
    const ended = new Set((await this.db.assignment.findMany({ where: { applicationId: app.applicationId, status: { not: 'active' } } })).map((a) => a.expertId));
    const inRun = new Map<string, number>();
    if (!run.confirmedAt) for (const a of proposal.applications) for (const s of a.proposed) inRun.set(s.expertId, (inRun.get(s.expertId) ?? 0) + 1);
    const rows = experts.map((e): PanelCandidateViewV1 => {
      const load = (loads.get(e.id) ?? 0) + (inRun.get(e.id) ?? 0);
      const blockers = blockersOf({
        expert: e,
        today,
        conflicts: conflicts.get(e.id) ?? [],
        load,
        maxLoad: proposal.rules.maxLoadPerExpert,
        onPanel: app.kept.includes(e.id) || app.proposed.some((s) => s.expertId === e.id),
        endedOnCase: ended.has(e.id),
      });
      return {
        expertId: e.id,
        name: e.name,
        title: e.title,
        fieldCodes: e.fieldCodes,
        fieldMatch: !!app.fieldCode && e.fieldCodes.includes(app.fieldCode),
        load,
        eligible: blockers.length === 0,
        blockers: blockers.map(({ code, zh, en }) => ({ code, zh, en })),
      };
    });
    return rows.sort((a, b) => Number(b.eligible) - Number(a.eligible) || Number(b.fieldMatch) - Number(a.fieldMatch) || a.load - b.load || a.name.localeCompare(b.name, 'zh-CN'));
  }
}
