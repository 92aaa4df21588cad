import { PolicyProfileRegistry } from '@firstset/domain';
import { domainRule } from '@firstset/service-kit';
import { cleared } from '../publicity/close-due-publicities';
import { Tx } from '../prisma';
import { documentText, draftDocument } from './recognition-document';

/**
 * An entry an objection held when its publicity closed, now cleared (the objection dismissed or
 * found inadmissible), goes into the list's supplementary draft (ADR 0025): the open one, or a new
 * one. While the publicity is still open nothing happens: the main document will take it. An entry
 * already in a document stays where it is.
 */
export async function draftSupplementaryIfCleared(tx: Tx, entryId: string, now: Date, profiles: PolicyProfileRegistry): Promise<string | null> {
  const entry = await tx.decisionListEntry.findUniqueOrThrow({
    where: { id: entryId },
    include: { candidate: true, objections: { select: { status: true } }, decisionList: { include: { publicity: true, documents: true } } },
  });
  const { publicity, documents } = entry.decisionList;
  if (!publicity || publicity.status !== 'closed' || !cleared(entry)) return null;
  if (documents.some((d) => d.applicationIds.includes(entry.applicationId))) return null;
  const c = entry.candidate;
  const profile = domainRule(() => profiles.get({ id: c.policyProfileId, version: c.policyProfileVersion }));
  const open = documents.find((d) => d.kind === 'supplementary' && d.status === 'draft');
  if (!open) return draftDocument(tx, { decisionListId: entry.decisionListId, kind: 'supplementary', publicity, entries: [c], profile, now });
  // The open draft grows: its text is drafted again from the template, its version moves on.
  const applicationIds = [...open.applicationIds, c.applicationId];
  const rows = await tx.candidate.findMany({ where: { applicationId: { in: applicationIds } } });
  const byId = new Map(rows.map((r) => [r.applicationId, r]));
  const { title, body } = documentText('supplementary', publicity, applicationIds.map((id) => byId.get(id)!), profile);
  await tx.recognitionDocument.update({ where: { id: open.id }, data: { applicationIds, title, body, draftedAt: now, version: { increment: 1 } } });
  return open.id;
}
