import type { Label } from '../lifecycle/vocabulary';

/** The Department's decision on one reviewed candidate (M9.1). */
export const DECISION_OUTCOMES = ['selected', 'not_selected'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const DECISION_OUTCOME_LABELS: Record<DecisionOutcome, Label> = {
  selected: { zh: '列入认定名单', en: 'On the list' },
  not_selected: { zh: '不列入认定名单', en: 'Not selected' },
};

/** One entry of a decided list as it is frozen, hashed and published (M9.1, M9.2). */
export interface FrozenListEntry {
  seq: number;
  applicationNo: string;
  enterpriseName: string;
  uscc: string;
  prefectureId: string;
  productKind: string;
  productName: string;
  series: string;
  model: string;
}

export interface FrozenList {
  batchId: string;
  decidedOn: string;
  entries: readonly FrozenListEntry[];
}

const ENTRY_KEYS: ReadonlyArray<keyof FrozenListEntry> = ['seq', 'applicationNo', 'enterpriseName', 'uscc', 'prefectureId', 'productKind', 'productName', 'series', 'model'];

/**
 * The exact text a decided list's SHA-256 is taken over: JSON with a fixed key order, entries in
 * their list order, no whitespace. The public notice shows the hash, and anyone holding the
 * published entries can recompute it, so a list changed after the decision cannot pass unseen.
 */
export function canonicalListContent(list: FrozenList): string {
  const entries = [...list.entries]
    .sort((a, b) => a.seq - b.seq)
    .map((e) => `{${ENTRY_KEYS.map((k) => `${JSON.stringify(k)}:${JSON.stringify(e[k])}`).join(',')}}`);
  return `{"batchId":${JSON.stringify(list.batchId)},"decidedOn":${JSON.stringify(list.decidedOn)},"entries":[${entries.join(',')}]}`;
}

export interface CandidateDecision {
  applicationId: string;
  outcome: DecisionOutcome;
  reason?: string;
}

/**
 * What is wrong with a decision on a batch: every reviewed candidate decided exactly once (no
 * application stays REVIEWED), none that is not a candidate, and a reason for each one not selected
 * (a decision that selects none is possible; there is then no list to publish). Problems by field, as the service answers them.
 */
export function decisionProblems(candidateIds: readonly string[], decisions: readonly CandidateDecision[]): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const known = new Set(candidateIds);
  const seen = new Set<string>();
  decisions.forEach((d, i) => {
    if (!known.has(d.applicationId)) problems.push({ field: `decisions.${i}.applicationId`, message: '不是本批次待决定的申请 / not a candidate awaiting decision in this batch' });
    else if (seen.has(d.applicationId)) problems.push({ field: `decisions.${i}.applicationId`, message: '同一申请重复决定 / decided twice' });
    seen.add(d.applicationId);
    if (d.outcome === 'not_selected' && !d.reason?.trim()) problems.push({ field: `decisions.${i}.reason`, message: '不列入名单须说明理由 / a reason is required' });
  });
  const missing = candidateIds.filter((id) => !seen.has(id));
  if (missing.length > 0) problems.push({ field: 'decisions', message: `尚有 ${missing.length} 项申请未作决定 / ${missing.length} candidate(s) undecided: ${missing.join(', ')}` });
  return problems;
}
