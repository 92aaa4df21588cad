import type { ConflictViewV1 } from '@firstset/contracts';
import { BUILT_IN_POLICY_PROFILES, conflictsOf, ConflictParty, LocalDate, Organization, PolicyProfileRegistry, TieKind } from '@firstset/domain';
import { Expert, ExpertTie, ReviewCase } from '../generated/prisma/client';
import { Db, Tx } from '../prisma';

/** The case's side of the check: the enterprise, its prefecture, its partners and licensors, its profile. */
export type ConflictCase = Pick<ReviewCase, 'id' | 'enterpriseName' | 'enterpriseUscc' | 'prefectureId' | 'partners' | 'policyProfileId' | 'policyProfileVersion'>;

/**
 * The expert's side: employer, region and declared ties. Load the ties with `include: { ties: true }`;
 * experts given without them have theirs read here.
 */
export type ConflictPoolExpert = Pick<Expert, 'id' | 'employerName' | 'employerUscc' | 'regionCode'> & { ties?: ExpertTie[] };

/** Per case id, per expert id: the conflicts of the experts that have any (see `conflictsForCases`). */
export type ConflictMap = Map<string, Map<string, ConflictViewV1[]>>;

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
    ? await tx.conflict.findMany({ where: { applicationId: reviewCase.id, expertId: { in: experts.map((e) => e.id) } }, orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }] })
    : [];
  const ties = await tiesOf(tx, experts);
  const out = new Map<string, ConflictViewV1[]>();
  for (const expert of experts) {
    const found: ConflictViewV1[] = conflictsOf(
      {
        id: expert.id,
        employerName: expert.employerName,
        employerUscc: expert.employerUscc,
        regionCode: expert.regionCode,
        ties: (ties.get(expert.id) ?? []).map((t) => ({ ...t, kind: t.kind as TieKind, from: t.from as LocalDate | null, until: t.until as LocalDate | null })),
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

/**
 * The conflicts of many cases at once (the panel solver's input): per case, only the experts that
 * have a conflict with it, so that the map's keys are the experts to exclude.
 */
export async function conflictsForCases(
  tx: Tx | Db,
  cases: readonly ConflictCase[],
  experts: readonly ConflictPoolExpert[],
  today: LocalDate,
  profiles: PolicyProfileRegistry = builtIn,
): Promise<ConflictMap> {
  const withTies = await tiesOf(tx, experts);
  const loaded = experts.map((e) => ({ ...e, ties: withTies.get(e.id) ?? [] }));
  const out: ConflictMap = new Map();
  for (const c of cases) {
    const all = await conflictsForCase(tx, c, loaded, today, profiles);
    out.set(c.id, new Map([...all].filter(([, list]) => list.length > 0)));
  }
  return out;
}

/** Each expert's ties: as given, or read for the experts given without them. */
async function tiesOf(tx: Tx | Db, experts: readonly ConflictPoolExpert[]): Promise<Map<string, ExpertTie[]>> {
  const out = new Map(experts.filter((e) => e.ties).map((e) => [e.id, e.ties!]));
  const missing = experts.filter((e) => !e.ties).map((e) => e.id);
  if (missing.length) {
    for (const t of await tx.expertTie.findMany({ where: { expertId: { in: missing } }, orderBy: [{ declaredAt: 'asc' }, { id: 'asc' }] })) {
      out.set(t.expertId, [...(out.get(t.expertId) ?? []), t]);
    }
  }
  return out;
}

/** The pool of an institution as the check needs it (every expert, with their ties). */
export function poolForConflicts(tx: Tx | Db, institutionId: string) {
  return tx.expert.findMany({ where: { institutionId }, include: { ties: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}
