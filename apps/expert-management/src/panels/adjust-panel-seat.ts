import type { PanelRunViewV1 } from '@firstset/contracts';
import { Injectable } from '@nestjs/common';
import { AdjustPanelSeatV1 } from '@firstset/contracts';
import { PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, notFound, requireActor } from '@firstset/service-kit';
import { conflictsForCase } from '../conflicts/conflicts-for-case';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { institutionOf } from '../reviews/case-access';
import { lockBatch } from '../reviews/locks';
import { batchLoads, blockersOf, refusalOf } from './eligibility';
import { asJson, assertRunCurrent, proposalOf, runOfInstitution, StoredApplication, StoredProposal, StoredShortfall, toPanelRunView } from './panel-run';

/**
 * The institution replaces one proposed expert, or fills an empty seat, before confirming (M8.1).
 * The expert is checked again as the solver would: of the pool, qualified (M11.2), available, free
 * of conflicts with the case (M11.1), not already on the panel, and under the load limit counting
 * this proposal. A confirmed or stale run is refused (409).
 */
@Injectable()
export class AdjustPanelSeat {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: AdjustPanelSeatV1, meta: MessageMeta): Promise<PanelRunViewV1> {
    const actor = requireActor(meta, ['institution_staff']);
    const institutionId = institutionOf(actor);
    return this.commands.run(meta, { action: 'panel.adjust', objectType: 'panel-run', objectId: input.runId }, async (tx) => {
      const today = toShanghaiDate(this.clock.now());
      const found = await runOfInstitution(tx, input.runId, institutionId);
      await lockBatch(tx, found.batchId);
      const run = await tx.panelRun.findUniqueOrThrow({ where: { id: found.id } });
      if (run.confirmedAt) throw ExpertManagementErrors.panelRunConfirmed();
      const proposal = proposalOf(run);
      const app = proposal.applications.find((a) => a.applicationId === input.applicationId);
      if (!app) throw notFound('application');
      await assertRunCurrent(tx, run, proposal);
      const seatIndex = input.replaceExpertId ? app.proposed.findIndex((s) => s.expertId === input.replaceExpertId) : -1;
      if (input.replaceExpertId && seatIndex < 0) throw ExpertManagementErrors.panelSeatMissing();
      if (!input.replaceExpertId && app.kept.length + app.proposed.length >= proposal.rules.panelSize) throw ExpertManagementErrors.panelFull();

      const expert = await tx.expert.findUnique({ where: { id: input.expertId } });
      if (!expert || expert.institutionId !== institutionId) throw ExpertManagementErrors.expertNotInInstitution();
      const reviewCase = await tx.reviewCase.findUniqueOrThrow({ where: { id: app.applicationId } });
      const conflicts = (await conflictsForCase(tx, reviewCase, [expert], today, this.profiles)).get(expert.id) ?? [];
      const ended = await tx.assignment.findFirst({ where: { applicationId: app.applicationId, expertId: expert.id, status: { not: 'active' } } });
      const inRun = proposal.applications.reduce((n, a) => n + a.proposed.filter((s) => s.expertId === expert.id).length, 0);
      const replacingSelf = input.replaceExpertId === expert.id;
      const load = ((await batchLoads(tx, run.batchId)).get(expert.id) ?? 0) + inRun - (replacingSelf ? 1 : 0);
      const blockers = blockersOf({
        expert,
        today,
        conflicts,
        load,
        maxLoad: proposal.rules.maxLoadPerExpert,
        onPanel: !replacingSelf && (app.kept.includes(expert.id) || app.proposed.some((s) => s.expertId === expert.id)),
        endedOnCase: !!ended,
      });
      const refusal = refusalOf(blockers, proposal.rules.maxLoadPerExpert, expert);
      if (refusal) throw refusal;

      const fieldMatch = !!app.fieldCode && expert.fieldCodes.includes(app.fieldCode);
      const seat = {
        expertId: expert.id,
        fieldMatch,
        loadAfter: load + 1,
        reasonZh: `机构调整${fieldMatch ? `，专业领域匹配（${app.fieldCode}）` : ''}，无利益冲突`,
        reasonEn: `Chosen by the institution${fieldMatch ? `, works in the field (${app.fieldCode})` : ''}, no conflict`,
        adjusted: true,
      };
      const proposed = [...app.proposed];
      if (seatIndex >= 0) proposed[seatIndex] = seat;
      else proposed.push(seat);
      const keptExperts = await tx.expert.findMany({ where: { id: { in: app.kept } }, select: { fieldCodes: true } });
      const keptMatches = keptExperts.filter((e) => !!app.fieldCode && e.fieldCodes.includes(app.fieldCode)).length;
      const changed: StoredApplication = { ...app, proposed };
      changed.shortfalls = shortfallsAfterAdjustment(changed, keptMatches, proposal.rules);
      const next: StoredProposal = { ...proposal, applications: proposal.applications.map((a) => (a === app ? changed : a)) };
      const saved = await tx.panelRun.update({ where: { id: run.id }, data: { proposal: asJson(next) } });
      return {
        result: await toPanelRunView(tx, saved),
        detail: { applicationId: app.applicationId, replacedExpertId: input.replaceExpertId ?? null, expertId: expert.id, fieldMatch },
      };
    });
  }
}

/** The shortfalls of a panel once the institution changed a seat: empty seats left, field matches missing. */
export function shortfallsAfterAdjustment(a: StoredApplication, keptMatches: number, rules: StoredProposal['rules']): StoredShortfall[] {
  const out: StoredShortfall[] = [];
  const missing = rules.panelSize - a.kept.length - a.proposed.length;
  if (missing > 0) {
    const before = a.shortfalls.find((s) => s.kind !== 'field_requirement_unmet');
    out.push(
      before
        ? { ...before, seats: missing }
        : { kind: 'not_enough_eligible_experts', seats: missing, reasonZh: `尚缺 ${missing} 席`, reasonEn: `${missing} seat(s) left empty` },
    );
  }
  const matched = keptMatches + a.proposed.filter((s) => s.fieldMatch).length;
  if (matched < rules.fieldMatchesRequired)
    out.push({
      kind: 'field_requirement_unmet',
      seats: rules.fieldMatchesRequired - matched,
      reasonZh: a.fieldCode ? `需 ${rules.fieldMatchesRequired} 名 ${a.fieldCode} 领域专家，仅有 ${matched} 名` : `申请未标明专业领域，无法满足 ${rules.fieldMatchesRequired} 名本领域专家的要求`,
      reasonEn: a.fieldCode ? `${rules.fieldMatchesRequired} experts of ${a.fieldCode} required, ${matched} chosen` : `The application has no field code: the ${rules.fieldMatchesRequired} field matches cannot be met`,
    });
  return out;
}
