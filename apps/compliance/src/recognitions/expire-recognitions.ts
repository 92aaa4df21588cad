import type { ExpiryRunV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { ApplicationAction, ApplicationState, toShanghaiDate, transition } from '@firstset/domain';
import { RecognitionExpired } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, domainRule, PRISMA, requireActor } from '@firstset/service-kit';
import { ComplianceErrors } from '../compliance.errors';
import { Db, Tx } from '../prisma';

export type ExpiryRun = ExpiryRunV1;

/**
 * M13.2: a recognition is valid to the last day of its validity (included); from the next day the
 * system marks it expired, which takes it off the list of valid recognitions (M13.1). Each
 * recognition expires in its own transaction with its event, so one failure stops nothing else.
 */
@Injectable()
export class ExpireDueRecognitions {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(PRISMA) private readonly db: Db,
  ) {}

  async execute(meta: MessageMeta): Promise<ExpiryRun> {
    requireActor(meta, ['system']);
    const now = this.clock.now();
    const today = toShanghaiDate(now);
    // validUntil is the last valid day, included (domain: periods/validity.ts): expired from the next day.
    const due = await this.db.recognition.findMany({
      where: { state: ApplicationState.RECOGNIZED, validUntil: { lt: today } },
      orderBy: { validUntil: 'asc' },
    });
    const expired: ExpiryRun['expired'] = [];
    for (const rec of due) {
      await this.commands.run(meta, { action: 'recognition.expire', objectType: 'recognition', objectId: rec.id }, async (tx) => {
        const { to } = domainRule(() =>
          transition(rec.state as ApplicationState, ApplicationAction.expire, 'system', { facts: { validityEnded: true } }),
        );
        const { count } = await tx.recognition.updateMany({ where: { id: rec.id, state: rec.state }, data: { state: to } });
        if (count !== 1) throw ComplianceErrors.concurrentChange();
        await this.outbox.append(
          tx,
          RecognitionExpired,
          { recognitionId: rec.id, applicationId: rec.applicationId, uscc: rec.uscc, validUntil: rec.validUntil, expiredAt: now.toISOString() },
          meta,
        );
        return { result: undefined, detail: { validUntil: rec.validUntil } };
      });
      expired.push({ recognitionId: rec.id, applicationId: rec.applicationId, validUntil: rec.validUntil });
    }
    return { expired };
  }
}
