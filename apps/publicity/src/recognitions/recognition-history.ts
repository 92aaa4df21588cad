import type { RecognitionHistoryV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { GetRecognitionHistoryV1 } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';
import { toEventView, toPublicRecognitionView } from './registry-view';

/** A registry entry with every event of its history, who and when, for the Department and auditors (M13.1). */
@Injectable()
export class ReadRecognitionHistory {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async read(input: GetRecognitionHistoryV1, meta: MessageMeta): Promise<RecognitionHistoryV1> {
    requireActor(meta, ['department_officer', 'auditor']);
    const r = await this.db.recognition.findUnique({
      where: { id: input.recognitionId },
      include: { history: { orderBy: [{ occurredOn: 'asc' }, { occurredAt: 'asc' }, { id: 'asc' }] } },
    });
    if (!r) throw notFound('recognition');
    return {
      recognition: toPublicRecognitionView(r, toShanghaiDate(this.clock.now())),
      events: r.history.map((e) => ({ ...toEventView(e), occurredAt: e.occurredAt.toISOString(), actorId: e.actorId })),
    };
  }
}
