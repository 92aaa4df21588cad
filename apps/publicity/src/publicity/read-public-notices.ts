import type { PublicNoticeEntryV1, PublicNoticeSummaryV1, PublicNoticeV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { FrozenListEntry } from '@firstset/domain';
import { Clock, PRISMA } from '@firstset/service-kit';
import { DecisionList, Publicity, RecognitionDocument } from '../generated/prisma/client';
import { PublicityErrors } from '../publicity.errors';
import { Db } from '../prisma';

type Published = Publicity & { decisionList: DecisionList & { entries: Array<{ id: string; seq: number }>; documents: RecognitionDocument[] } };

/** The issued documents of the list, in the order they were issued (M9.3): public, like the notice. */
const ISSUED = { where: { status: 'issued' }, orderBy: [{ issuedAt: 'asc' as const }, { id: 'asc' as const }] };

/**
 * The public notices of decided lists (M9.2), current and past, for anyone: the frozen entries
 * exactly as decided with their hash, the dates and the rule, the calendar used and the contact.
 * Never a score, a report or a reviewer.
 */
@Injectable()
export class ReadPublicNotices {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<PublicNoticeSummaryV1[]> {
    const rows = await this.db.publicity.findMany({
      include: { decisionList: { include: { entries: { select: { id: true, seq: true } }, documents: ISSUED } } },
      orderBy: [{ publicationDate: 'desc' }, { createdAt: 'desc' }],
      take: 200,
    });
    return rows.map((p) => summary(p));
  }

  async get(id: string): Promise<PublicNoticeV1> {
    const p = await this.db.publicity.findUnique({
      where: { id },
      include: { decisionList: { include: { entries: { select: { id: true, seq: true } }, documents: ISSUED } } },
    });
    if (!p) throw PublicityErrors.noticeNotFound();
    const now = this.clock.now();
    const ids = new Map(p.decisionList.entries.map((e) => [e.seq, e.id]));
    const frozen = p.decisionList.content as unknown as FrozenListEntry[];
    const entries: PublicNoticeEntryV1[] = frozen.map((e) => ({ id: ids.get(e.seq) ?? '', ...e }));
    return {
      ...summary(p),
      decidedOn: p.decisionList.decidedOn,
      workingDays: p.workingDays,
      startsAt: p.startsAt?.toISOString() ?? null,
      endsAt: p.endsAt.toISOString(),
      countingRule: { zh: p.ruleZh, en: p.ruleEn },
      calendarUsed: p.calendarUsed as Array<{ year: number; source: string }>,
      contact: p.contact as Record<string, string>,
      contentHash: p.decisionList.contentHash,
      entries,
      objectionsOpen: p.status === 'open' && (p.startsAt ?? p.endsAt) <= now && now < p.endsAt,
    };
  }
}

function summary(p: Published): PublicNoticeSummaryV1 {
  return {
    id: p.id,
    decisionListId: p.decisionListId,
    batchId: p.decisionList.batchId,
    title: p.decisionList.decidedOn.slice(0, 4),
    publicationDate: p.publicationDate,
    startDate: p.startDate,
    endDate: p.endDate,
    status: p.status === 'open' ? 'open' : 'closed',
    entryCount: p.decisionList.entries.length,
    documents: p.decisionList.documents.map((d) => ({
      id: d.id,
      kind: d.kind === 'supplementary' ? ('supplementary' as const) : ('main' as const),
      documentNo: d.documentNo ?? '',
      documentDate: d.documentDate ?? '',
    })),
  };
}
