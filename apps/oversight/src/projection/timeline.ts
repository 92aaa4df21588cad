/**
 * From an application's dated marks to what the dashboards count: its state, the time it spent in
 * each stage and when each return was answered. Pure (no I/O), so the consumers and the data-set
 * generator (scripts/generate-applications.mjs) produce the same rows, and out-of-order events
 * give the same result once all have arrived.
 */

export const MARK_KINDS = [
  'created',
  'submitted',
  'resubmitted',
  'returned',
  'recommended',
  'rejected',
  'summarized',
  'review_started',
  'reviewed',
  'selected',
  'not_selected',
  'publicity_started',
  'objection_lodged',
  'objection_dismissed',
  'objection_upheld',
  'recognized',
  'withdrawn',
  'revoked',
] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

/** The stages whose duration the dashboards report (issue 20). */
export const STAGES = ['intake', 'preliminary_review', 'correction', 'comprehensive_review', 'publicity'] as const;
export type Stage = (typeof STAGES)[number];

export interface Mark {
  kind: MarkKind;
  at: Date;
}

export interface StageTotal {
  stage: Stage;
  visits: number;
  /** Completed visits only. */
  seconds: number;
  enteredAt: Date;
  leftAt: Date | null;
  openSince: Date | null;
}

export interface Timeline {
  state: string;
  stages: StageTotal[];
  /** First recommendation or rejection: the end of the prefecture's review (M7.2). */
  preliminaryConcludedAt: Date | null;
  preliminaryOutcome: 'recommended' | 'rejected' | null;
  returnCount: number;
  /** First submission. */
  submittedAt: Date | null;
}

/** Which stage a mark starts (undefined: none; null: it ends the open one without starting another). */
const STARTS: Partial<Record<MarkKind, Stage | null>> = {
  created: 'intake',
  submitted: 'preliminary_review',
  resubmitted: 'preliminary_review',
  returned: 'correction',
  recommended: null,
  rejected: null,
  summarized: 'comprehensive_review',
  review_started: 'comprehensive_review',
  reviewed: null,
  publicity_started: 'publicity',
  recognized: null,
  objection_upheld: null,
  withdrawn: null,
  revoked: null,
};

/** The lifecycle state (packages/domain's ApplicationState) after each mark. */
const STATE_AFTER: Record<MarkKind, string | ((open: number) => string)> = {
  created: 'DRAFT',
  submitted: 'SUBMITTED',
  resubmitted: 'RESUBMITTED',
  returned: 'RETURNED_FOR_CORRECTION',
  recommended: 'RECOMMENDED',
  rejected: 'REJECTED_AT_PRELIMINARY_REVIEW',
  summarized: 'RECOMMENDED',
  review_started: 'UNDER_COMPREHENSIVE_REVIEW',
  reviewed: 'REVIEWED',
  selected: 'ON_DECISION_LIST',
  not_selected: 'NOT_SELECTED',
  publicity_started: 'IN_PUBLICITY',
  objection_lodged: 'OBJECTION_UNDER_INVESTIGATION',
  objection_dismissed: (open) => (open > 0 ? 'OBJECTION_UNDER_INVESTIGATION' : 'IN_PUBLICITY'),
  objection_upheld: 'REMOVED_AFTER_OBJECTION',
  recognized: 'RECOGNIZED',
  withdrawn: 'WITHDRAWN',
  revoked: 'REVOKED',
};

/** Marks of one instant are taken in lifecycle order (a submission before its return). */
const ORDER = new Map<MarkKind, number>(MARK_KINDS.map((k, i) => [k, i]));
const byTime = (a: Mark, b: Mark) => a.at.getTime() - b.at.getTime() || (ORDER.get(a.kind) ?? 0) - (ORDER.get(b.kind) ?? 0);

/** Final states a later mark of the pipeline does not undo (an event arriving after a withdrawal). */
const FINAL = new Set(['WITHDRAWN', 'REVOKED', 'REJECTED_AT_PRELIMINARY_REVIEW', 'NOT_SELECTED', 'REMOVED_AFTER_OBJECTION']);

export function timeline(marks: readonly Mark[]): Timeline {
  const sorted = [...marks].sort(byTime);
  const totals = new Map<Stage, StageTotal>();
  let current: { stage: Stage; since: Date } | null = null;
  let state = 'DRAFT';
  let openObjections = 0;
  let preliminaryConcludedAt: Date | null = null;
  let preliminaryOutcome: Timeline['preliminaryOutcome'] = null;
  let returnCount = 0;
  let submittedAt: Date | null = null;

  const close = (at: Date) => {
    if (!current) return;
    const t = totals.get(current.stage)!;
    t.seconds += Math.max(0, (at.getTime() - current.since.getTime()) / 1000);
    t.leftAt = at;
    t.openSince = null;
    current = null;
  };
  const open = (stage: Stage, at: Date) => {
    const t = totals.get(stage) ?? { stage, visits: 0, seconds: 0, enteredAt: at, leftAt: null, openSince: null };
    t.visits += 1;
    t.openSince = at;
    totals.set(stage, t);
    current = { stage, since: at };
  };

  for (const m of sorted) {
    // Nothing after an end moves the application again, but a recognition can still be revoked.
    if (FINAL.has(state) && m.kind !== 'revoked') continue;
    if (m.kind === 'objection_lodged') openObjections += 1;
    if (m.kind === 'objection_dismissed' || m.kind === 'objection_upheld') openObjections = Math.max(0, openObjections - 1);
    if (m.kind === 'submitted' && !submittedAt) submittedAt = m.at;
    if ((m.kind === 'recommended' || m.kind === 'rejected') && !preliminaryConcludedAt) {
      preliminaryConcludedAt = m.at;
      preliminaryOutcome = m.kind;
    }
    if (m.kind === 'returned') returnCount += 1;

    const starts = STARTS[m.kind];
    if (m.kind === 'withdrawn') {
      // A visit the enterprise abandoned is not a stage's duration: it is dropped, not closed.
      const c = current as { stage: Stage; since: Date } | null;
      if (c) {
        const t = totals.get(c.stage)!;
        t.visits -= 1;
        t.openSince = null;
        if (t.visits === 0) totals.delete(c.stage);
      }
      current = null;
    } else if (starts !== undefined) {
      // A summary followed by the review's start is one comprehensive review, not two.
      const c = current as { stage: Stage; since: Date } | null;
      if (!(starts !== null && c?.stage === starts && m.kind === 'review_started')) {
        close(m.at);
        if (starts) open(starts, m.at);
      }
    }

    const next = STATE_AFTER[m.kind];
    state = typeof next === 'function' ? next(openObjections) : next;
  }

  return { state, stages: [...totals.values()], preliminaryConcludedAt, preliminaryOutcome, returnCount, submittedAt };
}

/** When each return was answered: the first resubmission after it. */
export function resubmissionOf(returnedAt: Date, marks: readonly Mark[]): Date | null {
  const after = marks.filter((m) => m.kind === 'resubmitted' && m.at.getTime() > returnedAt.getTime()).sort(byTime);
  return after[0]?.at ?? null;
}

/** A day in China (UTC+8, no daylight saving) as YYYY-MM-DD. */
export const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
