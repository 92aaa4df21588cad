import { Conflict, ConflictExpert, ConflictRules, conflictsOf, ExpertTie, isLocalDate, LocalDate, TIE_KINDS, TieKind } from '@firstset/domain';
import { Expert, ReviewCase } from '../generated/prisma/client';
import { Db, Tx } from '../prisma';

/**
 * Conflicts of interest between experts and cases (M11.1), from the records: the domain's
 * `conflictsOf` over each expert's employer and declared ties and the case's enterprise and
 * prefecture, plus the conflicts pinned in the `conflicts` table (declared on an assignment, or
 * detected and pinned by the institution). Kept in its own file: the panel solver, the manual
 * assignment and the candidates list all ask it, and the expert pool's conflict views may replace it.
 */

export type CaseParty = Pick<ReviewCase, 'id' | 'enterpriseName' | 'enterpriseUscc' | 'prefectureId'>;
export type PoolExpert = Pick<Expert, 'id' | 'employerName' | 'employerUscc' | 'regionCode'>;

/** Per case id, per expert id: the expert's conflicts with the case (experts without one are absent). */
export type ConflictMap = Map<string, Map<string, Conflict[]>>;

const dateOrNull = (v: string | null): LocalDate | null => (v && isLocalDate(v) ? v : null);

export async function conflictsForCases(db: Tx | Db, cases: readonly CaseParty[], experts: readonly PoolExpert[], rules: ConflictRules, today: LocalDate): Promise<ConflictMap> {
  const out: ConflictMap = new Map(cases.map((c) => [c.id, new Map<string, Conflict[]>()]));
  if (cases.length === 0 || experts.length === 0) return out;
  const expertIds = experts.map((e) => e.id);
  const [tieRows, pinned] = await Promise.all([
    db.expertTie.findMany({ where: { expertId: { in: expertIds } }, orderBy: [{ declaredAt: 'asc' }, { id: 'asc' }] }),
    db.conflict.findMany({ where: { applicationId: { in: cases.map((c) => c.id) }, expertId: { in: expertIds } }, orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }] }),
  ]);
  const ties = new Map<string, ExpertTie[]>();
  for (const t of tieRows) {
    const list = ties.get(t.expertId) ?? [];
    list.push({
      kind: (TIE_KINDS as readonly string[]).includes(t.kind) ? (t.kind as TieKind) : 'other',
      counterpartyName: t.counterpartyName,
      counterpartyUscc: t.counterpartyUscc,
      from: dateOrNull(t.from),
      until: dateOrNull(t.until),
      note: t.note,
    });
    ties.set(t.expertId, list);
  }
  for (const c of cases) {
    const party = { applicationId: c.id, enterprise: { name: c.enterpriseName, uscc: c.enterpriseUscc }, prefectureId: c.prefectureId };
    const byExpert = out.get(c.id)!;
    for (const e of experts) {
      const expert: ConflictExpert = { id: e.id, employerName: e.employerName, employerUscc: e.employerUscc, regionCode: e.regionCode, ties: ties.get(e.id) ?? [] };
      const found = conflictsOf(expert, party, rules, today);
      if (found.length > 0) byExpert.set(e.id, found);
    }
  }
  for (const p of pinned) {
    const byExpert = out.get(p.applicationId)!;
    const list = byExpert.get(p.expertId) ?? [];
    // A pinned detected conflict is also found on the fly: listed once.
    if (!list.some((c) => c.kind === p.kind)) {
      list.push({ expertId: p.expertId, applicationId: p.applicationId, source: p.source === 'declared' ? 'declared' : 'detected', kind: p.kind as Conflict['kind'], reasonZh: p.reasonZh, reasonEn: p.reasonEn });
      byExpert.set(p.expertId, list);
    }
  }
  return out;
}

/** The conflicts of these experts with one case, per expert id. */
export async function conflictsForCase(db: Tx | Db, reviewCase: CaseParty, experts: readonly PoolExpert[], rules: ConflictRules, today: LocalDate): Promise<Map<string, Conflict[]>> {
  return (await conflictsForCases(db, [reviewCase], experts, rules, today)).get(reviewCase.id)!;
}
