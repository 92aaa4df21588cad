import type { CriterionScoreViewV1, DivergenceViewV1, ReviewRulesViewV1 } from '@firstset/contracts';
import { ComprehensiveReviewProfile, PolicyProfileRegistry, weightedTotal } from '@firstset/domain';
import type { FieldError } from '@firstset/messaging';
import { Assignment, ReviewCase } from '../generated/prisma/client';

/** The comprehensive review rules of the case's policy profile (M15: the batch's profile). */
export function reviewProfileOf(profiles: PolicyProfileRegistry, c: Pick<ReviewCase, 'policyProfileId' | 'policyProfileVersion'>): ComprehensiveReviewProfile {
  return profiles.resolve({ id: c.policyProfileId, version: c.policyProfileVersion }).comprehensiveReview;
}

export function rulesView(profiles: PolicyProfileRegistry, c: Pick<ReviewCase, 'policyProfileId' | 'policyProfileVersion'>): ReviewRulesViewV1 {
  const r = reviewProfileOf(profiles, c);
  return {
    policyProfile: { id: c.policyProfileId, version: c.policyProfileVersion },
    panelSize: r.panelSize,
    divergenceThreshold: r.divergenceThreshold,
    rubric: r.rubric.map((k) => ({ ...k, measuresIds: [...k.measuresIds] })),
    undertaking: { ...r.undertaking },
  };
}

/** Assignments that count in the review: active ones that scored (recused and excluded ones never do). */
export const counted = <A extends Pick<Assignment, 'status' | 'scoredAt' | 'score'>>(assignments: readonly A[]): A[] =>
  assignments.filter((a) => a.status === 'active' && a.scoredAt !== null && a.score !== null);

/** Highest minus lowest weighted total of the counted assignments (one decimal); null under two. */
export function spreadOf(assignments: ReadonlyArray<Pick<Assignment, 'status' | 'scoredAt' | 'score'>>): number | null {
  const totals = counted(assignments).map((a) => a.score!);
  if (totals.length < 2) return null;
  return Math.round((Math.max(...totals) - Math.min(...totals)) * 10) / 10;
}

export function divergenceOf(assignments: ReadonlyArray<Pick<Assignment, 'status' | 'scoredAt' | 'score'>>, threshold: number): DivergenceViewV1 {
  const spread = spreadOf(assignments);
  return { spread, threshold, divergent: spread !== null && spread > threshold };
}

/** Stored rubric scores ({ id: { score, comment } }) in the rubric's order. */
export function criterionScoresOf(stored: unknown): CriterionScoreViewV1[] | null {
  if (!stored || typeof stored !== 'object') return null;
  return Object.entries(stored as Record<string, { score: number; comment: string }>).map(([criterionId, v]) => ({
    criterionId,
    score: v.score,
    comment: v.comment,
  }));
}

/**
 * An expert's rubric scores checked against the profile (M8.1): every criterion once, none
 * unknown, a whole number from 0 to the criterion's max, a comment. The problems at their fields.
 */
export function checkRubricScores(
  rubric: ComprehensiveReviewProfile['rubric'],
  criteria: ReadonlyArray<{ criterionId: string; score: number; comment: string }>,
): { problems: FieldError[]; stored: Record<string, { score: number; comment: string }>; total: number } {
  const problems: FieldError[] = [];
  const byId = new Map(rubric.map((c) => [c.id, c]));
  const stored: Record<string, { score: number; comment: string }> = {};
  criteria.forEach((s, i) => {
    const c = byId.get(s.criterionId);
    if (!c) problems.push({ field: `criteria.${i}.criterionId`, message: `评分细则中没有该项 / No such rubric criterion: ${s.criterionId}` });
    else if (stored[c.id]) problems.push({ field: `criteria.${i}.criterionId`, message: `该项重复评分 / Criterion scored twice: ${c.id}` });
    else if (!Number.isInteger(s.score) || s.score < 0 || s.score > c.max)
      problems.push({ field: `criteria.${i}.score`, message: `${c.nameZh}的分值须为 0–${c.max} 的整数 / ${c.nameEn} takes a whole number from 0 to ${c.max}` });
    else if (!s.comment.trim()) problems.push({ field: `criteria.${i}.comment`, message: `请填写${c.nameZh}的评语 / A comment on ${c.nameEn} is required` });
    else stored[c.id] = { score: s.score, comment: s.comment.trim() };
  });
  for (const c of rubric) {
    if (!criteria.some((s) => s.criterionId === c.id)) problems.push({ field: 'criteria', message: `缺少${c.nameZh}的评分 / ${c.nameEn} is not scored` });
  }
  // Stored in the rubric's order, whatever order the form sent.
  const ordered = Object.fromEntries(rubric.filter((c) => stored[c.id]).map((c) => [c.id, stored[c.id]!]));
  const total = weightedTotal(rubric, Object.fromEntries(Object.entries(ordered).map(([k, v]) => [k, v.score])));
  return { problems, stored: ordered, total };
}
