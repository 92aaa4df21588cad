import type { DecisionListSummaryV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { OptionalBatchDto } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { PRISMA, requireActor } from '@firstset/service-kit';
import { toPublicityView } from '../publicity/publicity-view';
import { toDecisionListView } from './decision-list-view';
import { Db } from '../prisma';

/** Decision lists with their publicity and recognition document, for the Department and auditors. */
@Injectable()
export class ReadDecisionLists {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  /**
   * Entries are counted in the database, never loaded: a list may hold thousands. Counted by the
   * lists' ids (the entries' index); Prisma's relation `_count` groups the whole entries table.
   */
  async list(input: OptionalBatchDto, meta: MessageMeta): Promise<DecisionListSummaryV1[]> {
    requireActor(meta, ['department_officer', 'auditor']);
    const lists = await this.db.decisionList.findMany({
      where: input.batchId ? { batchId: input.batchId } : {},
      // Neither the frozen content nor a document's application ids: thousands of entries each.
      omit: { content: true },
      include: { publicity: true, documents: { where: { kind: 'main', status: 'issued' }, select: { documentNo: true, documentDate: true } } },
      orderBy: { createdAt: 'desc' },
      take: 200,
    });
    const counted = await this.db.decisionListEntry.groupBy({ by: ['decisionListId'], where: { decisionListId: { in: lists.map((l) => l.id) } }, _count: { _all: true } });
    const counts = new Map(counted.map((c) => [c.decisionListId, c._count._all]));
    return lists.map(({ publicity, documents, ...l }) => {
      const { applicationIds, ...view } = toDecisionListView(l, []);
      return {
        ...view,
        entryCount: counts.get(l.id) || applicationIds.length,
        publicity: publicity ? toPublicityView(publicity) : null,
        document: issuedMain(documents),
      };
    });
  }
}

/** The list's main recognition document once issued (number and date exist only from the issue on). */
function issuedMain(documents: Array<{ documentNo: string | null; documentDate: string | null }>): { documentNo: string; documentDate: string } | null {
  const d = documents.find((x) => x.documentNo !== null && x.documentDate !== null);
  return d ? { documentNo: d.documentNo!, documentDate: d.documentDate! } : null;
}
