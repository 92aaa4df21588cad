import { Prisma } from '../generated/prisma/client';
import { ComplianceErrors } from '../compliance.errors';
import { Tx } from '../prisma';
import { CASE_INCLUDE, CaseRow } from './case-view';

/** The next case number of `year` (`GZ-2026-0001`), without gaps: the year's row is taken under a lock. */
export async function nextCaseNo(tx: Tx, year: number): Promise<string> {
  await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `compliance:case-no:${year}`);
  const row = await tx.complianceCaseSequence.upsert({ where: { year }, create: { year, next: 2 }, update: { next: { increment: 1 } } });
  return `GZ-${year}-${String(row.next - 1).padStart(4, '0')}`;
}

/** A case to change: it exists, is at `expectedVersion`, and is in one of `statuses` (else 404/409). */
export async function caseForChange(tx: Tx, caseId: string, expectedVersion: number, statuses: readonly string[]): Promise<CaseRow> {
  const c = await tx.complianceCase.findUnique({ where: { id: caseId }, include: CASE_INCLUDE });
  if (!c) throw ComplianceErrors.caseNotFound();
  if (c.version !== expectedVersion) throw ComplianceErrors.caseStale(c.version);
  if (!statuses.includes(c.status)) throw ComplianceErrors.caseStatus(c.status, statuses.join(' | '));
  return c;
}

/** Saves a change of a case read at its version; a concurrent change in between is 409. */
export async function saveCase(tx: Tx, c: CaseRow, data: Prisma.ComplianceCaseUpdateManyMutationInput): Promise<CaseRow> {
  const { count } = await tx.complianceCase.updateMany({ where: { id: c.id, version: c.version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw ComplianceErrors.caseStale(c.version + 1);
  return tx.complianceCase.findUniqueOrThrow({ where: { id: c.id }, include: CASE_INCLUDE });
}
