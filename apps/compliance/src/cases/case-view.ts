import type { ComplianceCaseViewV1 } from '@firstset/contracts';
import type { ComplianceCase } from '../generated/prisma/client';

export type CaseRow = ComplianceCase & { sanctions: Array<{ id: string }> };

/** Includes what a case view needs from its relations. */
export const CASE_INCLUDE = { sanctions: { select: { id: true }, orderBy: { createdAt: 'asc' as const } } };

export function toCaseView(c: CaseRow): ComplianceCaseViewV1 {
  return {
    id: c.id,
    caseNo: c.caseNo,
    subjectKind: c.subjectKind as ComplianceCaseViewV1['subjectKind'],
    subjectId: c.subjectId,
    subjectName: c.subjectName,
    subjectUscc: c.subjectUscc,
    intendedMeasure: c.intendedMeasure,
    grounds: c.grounds,
    facts: c.facts,
    source: c.source,
    status: c.status as ComplianceCaseViewV1['status'],
    statementDeadline: c.statementDeadline,
    notifiedOn: c.notifiedOn,
    hearingNotice: c.hearingNotice,
    statement: c.statement,
    statementWaived: c.statementWaived,
    statementAt: c.statementAt?.toISOString() ?? null,
    statementBy: (c.statementByRole === null ? null : c.statementByRole === 'department_officer' ? 'officer' : 'party') as ComplianceCaseViewV1['statementBy'],
    interim: c.interimMeasure && c.interimFrom ? { measure: c.interimMeasure, from: c.interimFrom, endedOn: c.interimEndedOn } : null,
    outcome: c.outcome as ComplianceCaseViewV1['outcome'],
    reasons: c.reasons,
    decisionDate: c.decisionDate,
    openedAt: c.openedAt.toISOString(),
    version: c.version,
    sanctionIds: c.sanctions.map((s) => s.id),
  };
}
