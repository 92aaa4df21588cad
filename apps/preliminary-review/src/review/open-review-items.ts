import type { OpenReviewItemV1 } from '@firstset/contracts';
import { ConditionVerdict, MaterialVerdict } from '../generated/prisma/client';
import { CaseChecklistItem } from './case-checklist';
import { CaseCondition } from './case-conditions';

/**
 * A verdict passes when every check holds (the institution check only where it applies) and it is
 * about the files as they are: one made before a resubmission replaced the slot's files does not.
 */
export const verdictPassed = (v: Pick<MaterialVerdict, 'present' | 'legible' | 'valid' | 'consistent' | 'qualifiedInstitution'> & { staleSince?: Date | null }) =>
  !v.staleSince && v.present && v.legible && v.valid && v.consistent && v.qualifiedInstitution !== false;

/** A condition passes when the officer found it met, after the latest resubmission. */
export const conditionPassed = (v: Pick<ConditionVerdict, 'verdict' | 'staleSince'>) => !v.staleSince && v.verdict === 'MET';

const VERDICT_WORDS: Record<string, [string, string]> = { NOT_MET: ['不满足', 'not met'], NEEDS_CORRECTION: ['需补正', 'needs correction'] };

/**
 * What stands between the case and a recommendation (M7.3, M12.1): every applicable material of
 * the checklist and every condition of M5 and M6 needs a current verdict, and none may be negative.
 * Each item says so in words, with the place on the review screen it belongs to.
 */
export function openReviewItems(
  checklist: CaseChecklistItem[],
  materialVerdicts: MaterialVerdict[],
  conditions: CaseCondition[],
  conditionVerdicts: ConditionVerdict[],
): OpenReviewItemV1[] {
  const open: OpenReviewItemV1[] = [];
  const bySlot = new Map(materialVerdicts.map((v) => [v.slotId, v]));
  // Optional materials, slots declared not to apply (M5.6, M7.4) and slots whose condition is not
  // declared are not required of the case.
  for (const i of checklist.filter((x) => x.applies && x.required && !x.conditionUnknown)) {
    const v = bySlot.get(i.slotId);
    const field = `materials.${i.slotId}`;
    if (!v) open.push({ field, reason: 'NO_VERDICT', message: `材料「${i.nameZh}」尚未审查`, messageEn: `${i.nameEn}: not yet reviewed` });
    else if (v.staleSince) open.push({ field, reason: 'STALE', message: `材料「${i.nameZh}」在企业重新报送后已更换，须重新审查`, messageEn: `${i.nameEn}: replaced in the resubmission, review it again` });
    else if (!verdictPassed(v)) open.push({ field, reason: 'FAILED', message: `材料「${i.nameZh}」审查未通过`, messageEn: `${i.nameEn}: failed the review` });
  }
  const byCondition = new Map(conditionVerdicts.map((v) => [v.conditionId, v]));
  for (const c of conditions) {
    const v = byCondition.get(c.conditionId);
    const field = `conditions.${c.conditionId}`;
    if (!v) open.push({ field, reason: 'NO_VERDICT', message: `条件「${c.titleZh}」尚未判定`, messageEn: `${c.titleEn}: not yet judged` });
    else if (v.staleSince) open.push({ field, reason: 'STALE', message: `条件「${c.titleZh}」的判定早于企业重新报送，须重新判定`, messageEn: `${c.titleEn}: judged before the resubmission, judge it again` });
    else if (!conditionPassed(v)) {
      const [zh, en] = VERDICT_WORDS[v.verdict] ?? [v.verdict, v.verdict];
      open.push({ field, reason: 'FAILED', message: `条件「${c.titleZh}」判定为${zh}`, messageEn: `${c.titleEn}: judged ${en}` });
    }
  }
  return open;
}
