import type { ExpiryNoticeRunV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { addDays, expiryNoticeDue, EXPIRY_NOTICE_DAYS, LocalDate, parseLocalDate, toShanghaiDate } from '@firstset/domain';
import { RecognitionExpiring } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, PRISMA, requireActor } from '@firstset/service-kit';
import { Db, Tx } from '../prisma';

/**
 * M13.2, M14: the enterprise and its prefecture are told 90 and 30 days before a recognition's last
 * valid day (domain `expiryNoticeDue`: each threshold once, never two at once, none after expiry).
 * The `ExpiryNotice` row is the notice: its key (recognition, threshold) makes a second run, or two
 * replicas at once, send nothing more; the event tells intake (the enterprise's inbox), and the
 * prefecture reads the rows on its recognized-products page. Revoked recognitions get none.
 */
@Injectable()
export class SendExpiryNotices {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(PRISMA) private readonly db: Db,
  ) {}

  async execute(meta: MessageMeta): Promise<ExpiryNoticeRunV1> {
    requireActor(meta, ['system']);
    const now = this.clock.now();
    const today = toShanghaiDate(now);
    const horizon = addDays(parseLocalDate(today), Math.max(...EXPIRY_NOTICE_DAYS));
    const due = await this.db.recognition.findMany({
      where: { validUntil: { gte: today, lte: horizon }, OR: [{ revokedOn: null }, { revokedOn: { gt: today } }] },
      include: { expiryNotices: { select: { daysBefore: true } } },
      orderBy: [{ validUntil: 'asc' }, { id: 'asc' }],
    });
    const sent: ExpiryNoticeRunV1['sent'] = [];
    for (const r of due) {
      const daysBefore = expiryNoticeDue(r.validUntil as LocalDate, today, r.expiryNotices.map((n) => n.daysBefore));
      if (daysBefore === null) continue;
      const done = await this.commands.run(meta, { action: 'recognition.expiry-notice', objectType: 'recognition', objectId: r.id }, async (tx) => {
        const { count } = await tx.expiryNotice.createMany({ data: [{ recognitionId: r.id, daysBefore, sentAt: now }], skipDuplicates: true });
        if (count === 1) {
          await this.outbox.append(
            tx,
            RecognitionExpiring,
            {
              recognitionId: r.id,
              applicationId: r.applicationId,
              uscc: r.uscc,
              enterpriseName: r.enterpriseName,
              productName: r.productName,
              certificateNo: r.certificateNo,
              prefectureId: r.prefectureId,
              validUntil: r.validUntil,
              daysBefore,
              sentAt: now.toISOString(),
            },
            meta,
          );
        }
        return { result: count === 1, detail: { daysBefore, validUntil: r.validUntil, sent: count === 1 } };
      });
      if (done) sent.push({ recognitionId: r.id, daysBefore, validUntil: r.validUntil });
    }
    return { sent };
  }
}
