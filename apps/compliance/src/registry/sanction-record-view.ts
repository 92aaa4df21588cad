import type { PublicSanctionV1, SanctionRecordV1 } from '@firstset/contracts';
import { LocalDate, SanctionEventKind, sanctionStatusAt } from '@firstset/domain';
import type { Sanction, SanctionEvent } from '../generated/prisma/client';

export type SanctionRow = Sanction & { events: SanctionEvent[]; case: { caseNo: string } };

export const SANCTION_INCLUDE = { events: { orderBy: [{ on: 'asc' as const }, { recordedAt: 'asc' as const }] }, case: { select: { caseNo: true } } };

/** The history as the domain reads it. */
export const historyOf = (s: SanctionRow) => s.events.map((e) => ({ kind: e.kind as SanctionEventKind, on: e.on as LocalDate }));

export const periodOf = (s: Sanction) => ({ from: s.fromDate as LocalDate, until: s.untilDate as LocalDate | null });

/** A registry record with its status on `today`, computed from period and history (ADR 0026). */
export function toSanctionRecord(s: SanctionRow, today: LocalDate): SanctionRecordV1 {
  return {
    id: s.id,
    caseId: s.caseId,
    caseNo: s.case.caseNo,
    measure: s.measure as SanctionRecordV1['measure'],
    subjectKind: s.subjectKind as SanctionRecordV1['subjectKind'],
    subjectId: s.subjectId,
    subjectName: s.subjectName,
    subjectUscc: s.subjectUscc,
    grounds: s.grounds,
    reasons: s.reasons,
    decisionDate: s.decisionDate,
    from: s.fromDate,
    until: s.untilDate,
    status: sanctionStatusAt({ ...periodOf(s), history: historyOf(s) }, today),
    decisionNotice: s.decisionNotice,
    version: s.version,
    history: s.events.map((e) => ({ kind: e.kind as SanctionRecordV1['history'][number]['kind'], on: e.on, reason: e.reason, recordedAt: e.recordedAt.toISOString() })),
  };
}

/** What the public list shows: who, which measure, on what grounds, over which days. */
export const toPublicSanction = (r: SanctionRecordV1): PublicSanctionV1 => ({
  measure: r.measure,
  subjectName: r.subjectName,
  subjectUscc: r.subjectUscc,
  grounds: r.grounds,
  decisionDate: r.decisionDate,
  from: r.from,
  until: r.until,
});
