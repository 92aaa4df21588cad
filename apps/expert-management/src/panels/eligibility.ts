import type { PanelReasonV1 } from '@firstset/contracts';
import { ComprehensiveReviewProfile, LocalDate, PolicyProfileRegistry } from '@firstset/domain';
import { ServiceError } from '@firstset/messaging';
import { Expert, ReviewCase } from '../generated/prisma/client';
import { workSuspendedOn } from '../commissions/sanctions';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Db, Tx } from '../prisma';
import { reviewProfileOf } from '../reviews/review-rules';

/**
 * Whether an expert may take a seat on a case, and why not: one list of reasons shared by the
 * solver's input, the institution's adjustments, the candidates list, the confirmation and the
 * manual assignment, so that all of them refuse the same experts for the same reasons.
 */

export type BlockerCode = 'disqualified' | 'suspended' | 'unavailable' | 'conflict' | 'max_load' | 'on_panel' | 'ended_on_case';
export interface Blocker extends PanelReasonV1 {
  code: BlockerCode;
}

/**
 * The one profile a solver run works under: a run's rules (panel size, field matches, load) must
 * be those of every case it seats, so cases filed under different profiles are refused together
 * (M15: each batch keeps the profile it was opened with). Undefined when there are no cases.
 */
export function sharedReviewProfileOf(
  profiles: PolicyProfileRegistry,
  cases: ReadonlyArray<Pick<ReviewCase, 'policyProfileId' | 'policyProfileVersion'>>,
): ComprehensiveReviewProfile | undefined {
  const keys = new Set(cases.map((c) => `${c.policyProfileId}@${c.policyProfileVersion}`));
  if (keys.size > 1) throw ExpertManagementErrors.panelProfilesMixed([...keys].sort());
  return cases.length > 0 ? reviewProfileOf(profiles, cases[0]!) : undefined;
}

export const qualifiedOn = (e: Pick<Expert, 'disqualifiedOn'>, today: LocalDate) => e.disqualifiedOn === null || e.disqualifiedOn > today;
export const availableOn = (e: Pick<Expert, 'available' | 'unavailableUntil'>, today: LocalDate) =>
  e.available && !(e.unavailableUntil !== null && today <= e.unavailableUntil);

type SeatExpert = Pick<Expert, 'disqualifiedOn' | 'available' | 'unavailableUntil' | 'workSuspendedFrom' | 'workSuspensionCase'>;

/** Active assignments per expert on cases of the batch: the load the profile's limit counts. */
export async function batchLoads(db: Tx | Db, batchId: string): Promise<Map<string, number>> {
  const rows = await db.assignment.findMany({ where: { status: 'active', reviewCase: { batchId } }, select: { expertId: true } });
  const loads = new Map<string, number>();
  for (const r of rows) loads.set(r.expertId, (loads.get(r.expertId) ?? 0) + 1);
  return loads;
}

export interface SeatFacts {
  expert: SeatExpert;
  today: LocalDate;
  conflicts: readonly { reasonZh: string; reasonEn: string }[];
  /** The expert's load in the batch before taking this seat. */
  load: number;
  maxLoad: number;
  /** Already active (or proposed) on this case. */
  onPanel: boolean;
  /** Recused from, or excluded on, this case before. */
  endedOnCase: boolean;
}

export function blockersOf(f: SeatFacts): Blocker[] {
  const out: Blocker[] = [];
  if (!qualifiedOn(f.expert, f.today)) out.push({ code: 'disqualified', zh: `已于 ${f.expert.disqualifiedOn} 被取消评审资格`, en: `Disqualified on ${f.expert.disqualifiedOn}` });
  if (workSuspendedOn(f.expert, f.today))
    out.push({
      code: 'suspended',
      zh: `自 ${f.expert.workSuspendedFrom} 起暂停评审工作（违规处理案件 ${f.expert.workSuspensionCase ?? ''}）`,
      en: `Work suspended from ${f.expert.workSuspendedFrom} (compliance case ${f.expert.workSuspensionCase ?? ''})`,
    });
  if (!availableOn(f.expert, f.today))
    out.push({
      code: 'unavailable',
      zh: f.expert.unavailableUntil ? `暂不可用，至 ${f.expert.unavailableUntil} 止` : '暂不可用',
      en: f.expert.unavailableUntil ? `Unavailable until ${f.expert.unavailableUntil}` : 'Unavailable',
    });
  for (const c of f.conflicts) out.push({ code: 'conflict', zh: `利益冲突：${c.reasonZh}`, en: `Conflict: ${c.reasonEn}` });
  if (f.onPanel) out.push({ code: 'on_panel', zh: '已在本申请的评审组中', en: 'Already on this panel' });
  if (f.endedOnCase) out.push({ code: 'ended_on_case', zh: '已对本申请回避或被排除', en: 'Recused from or excluded on this application' });
  if (f.load >= f.maxLoad) out.push({ code: 'max_load', zh: `本批评审任务已达上限 ${f.maxLoad} 件`, en: `Already reviews ${f.maxLoad} applications in this batch` });
  return out;
}

/** The refusal for the first blocker, in the order a person would fix them. */
export function refusalOf(blockers: readonly Blocker[], maxLoad: number, expert: SeatExpert): ServiceError | undefined {
  const has = (code: BlockerCode) => blockers.some((b) => b.code === code);
  if (has('disqualified')) return ExpertManagementErrors.expertDisqualified(expert.disqualifiedOn ?? '');
  if (has('suspended')) return ExpertManagementErrors.expertWorkSuspended(expert.workSuspendedFrom ?? '', expert.workSuspensionCase ?? '');
  if (has('conflict')) return ExpertManagementErrors.expertConflicted(blockers.filter((b) => b.code === 'conflict').map((b) => b.zh.replace(/^利益冲突：/, '')));
  if (has('ended_on_case')) return ExpertManagementErrors.expertEndedOnCase();
  if (has('on_panel')) return ExpertManagementErrors.expertOnPanel();
  if (has('unavailable')) return ExpertManagementErrors.expertUnavailable();
  if (has('max_load')) return ExpertManagementErrors.expertAtMaxLoad(maxLoad);
  return undefined;
}
