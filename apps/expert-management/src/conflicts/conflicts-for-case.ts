import type { ConflictViewV1 } from '@firstset/contracts';
import { BUILT_IN_POLICY_PROFILES, conflictsOf, ConflictParty, LocalDate, Organization, PolicyProfileRegistry, TieKind } from '@firstset/domain';
import { Expert, ExpertTie, ReviewCase } from '../generated/prisma/client';
import { Db, Tx } from '../prisma';

/** The case's side of the check: the enterprise, its prefecture, its partners and licensors, its profile. */
export type ConflictCase = Pick<ReviewCase, 'id' | 'enterpriseName' | 'enterpriseUscc' | 'prefectureId' | 'partners' | 'policyProfileId' | 'policyProfileVersion'>;

/** The expert's side: employer, region and declared ties (load them with `include: { ties: true }`). */
export type ConflictPoolExpert = Pick<Expert, 'id' | 'employerName' | 'employerUscc' | 'regionCode'> & { ties: ExpertTie[] };

const builtIn = new PolicyProfileRegistry(BUILT_IN_POLICY_PROFILES);

/** The partners a case carries (ReviewCase.partners, JSON from the summary), defensively read. */
export function partnersOf(c: Pick<ReviewCase, 'partners'>): Organization[] {
  const raw = Array.isArray(c.partners) ? c.partners : [];
  return raw.flatMap((p) =>
    p && typeof p === 'object' && typeof (p as { name?: unknown }).name === 'string'
      ? [{ name: (p as { name: string }).name, uscc: typeof (p as { uscc?: unknown }).uscc === 'string' ? (p as { uscc: string }).uscc : null }]
      : [],
  );
}

/**
 * M11.1: every conflict of each expert with one case, by expert id (an expert without any maps to
 * an empty list). Three sources, each conflict with its reason in both languages:
 * - detected from the records (domain `conflictsOf`: same employer, former employer within the
 *   profile's years, the enterprise's partners and licensors, the same prefecture when the profile
 *   says so);
 * - declared: the expert's ties naming the enterprise or a partner, and what the expert declared
 *   on an assignment (Conflict rows with source "declared");
 * - recorded: Conflict rows the institution pinned or recorded for the expert (`recorded: true`;
 *   a pinned detected conflict stays when the records change).
 * The rules come from the case's policy profile (`comprehensiveReview`), resolved in `profiles`
 * (the built-in profiles unless given). Read-only: call it inside or outside a transaction.
 *
 * Used by the conflict queries here and by the panel solver: an expert with any conflict is never
 * proposed for the case.
 */
export async function conflictsForCase(
  tx: Tx | Db,
  reviewCase: ConflictCase,
  experts: readonly ConflictPoolExpert[],
  today: LocalDate,
  profiles: PolicyProfileRegistry = builtIn,
): Promise<Map<string, ConflictViewV1[]>> {
  const rules = profiles.resolve({ id: reviewCase.policyProfileId, version: reviewCase.policyProfileVersion }).comprehensiveReview;
  const party: ConflictParty = {
    applicationId: reviewCase.id,
    enterprise: { name: reviewCase.enterpriseName, uscc: reviewCase.enterpriseUscc },
    partners: partnersOf(reviewCase),
    prefectureId: reviewCase.prefectureId,
  };
  const recorded = experts.length
    ? await tx.conflict.findMany({ where: { applicationId: reviewCase.id, expertId: { in: experts.map((e) => e.id) } }, orderBy: { recordedAt: 'asc' } })
    : [];
  const out = new Map<string, ConflictViewV1[]>();
  for (const expert of experts) {
    const found: ConflictViewV1[] = conflictsOf(
      {
        id: expert.id,
        employerName: expert.employerName,
        employerUscc: expert.employerUscc,
        regionCode: expert.regionCode,
        ties: expert.ties.map((t) => ({ ...t, kind: t.kind as TieKind, from: t.from as LocalDate | null, until: t.until as LocalDate | null })),
      },
      party,
      rules,
      today,
    ).map((c) => ({ source: c.source, kind: c.kind, reasonZh: c.reasonZh, reasonEn: c.reasonEn, recorded: false, recordedAt: null }));
    for (const row of recorded.filter((r) => r.expertId === expert.id)) {
      const same = found.find((c) => c.kind === row.kind && !c.recorded);
      if (same && row.source === 'detected') Object.assign(same, { recorded: true, recordedAt: row.recordedAt.toISOString() });
      else
        found.push({
          source: row.source === 'detected' ? 'detected' : 'declared',
          kind: row.kind,
          reasonZh: row.reasonZh,
          reasonEn: row.reasonEn,
          recorded: true,
          recordedAt: row.recordedAt.toISOString(),
        });
    }
    out.set(expert.id, found);
  }
  return out;
}

/** The pool of an institution as the check needs it (every expert, with their ties). */
export function poolForConflicts(tx: Tx | Db, institutionId: string) {
  return tx.expert.findMany({ where: { institutionId }, include: { ties: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}
