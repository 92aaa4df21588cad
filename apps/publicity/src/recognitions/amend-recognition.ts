import type { PublicRecognitionViewV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AmendRecognitionV1, RecognitionAmended } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { Clock, CommandRunner, notFound, requireActor } from '@firstset/service-kit';
import { PublicityErrors } from '../publicity.errors';
import { Tx } from '../prisma';
import { toPublicRecognitionView } from './registry-view';

const AMENDABLE = ['enterpriseName', 'productName', 'series', 'model'] as const;

/**
 * The Department keeps the registry up to date (M13.1): a renamed enterprise or a corrected model
 * is amended with its reason and the entry's version as read; the history keeps before and after,
 * so the registry never silently differs from the document that recognized the product.
 */
@Injectable()
export class AmendRecognition {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  execute(input: AmendRecognitionV1, meta: MessageMeta): Promise<PublicRecognitionViewV1> {
    const actor = requireActor(meta, ['department_officer']);
    const spec = { action: 'recognition.amend', objectType: 'recognition', objectId: input.recognitionId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const r = await tx.recognition.findUnique({ where: { id: input.recognitionId } });
      if (!r) throw notFound('recognition');
      if (r.version !== input.expectedVersion) throw PublicityErrors.staleVersion(r.version);
      const changes: Record<string, { before: string; after: string }> = {};
      for (const f of AMENDABLE) {
        const after = input[f]?.trim();
        if (after !== undefined && after !== r[f]) changes[f] = { before: r[f], after };
      }
      if (Object.keys(changes).length === 0) throw PublicityErrors.nothingToAmend();
      const { count } = await tx.recognition.updateMany({
        where: { id: r.id, version: r.version },
        data: { ...Object.fromEntries(Object.entries(changes).map(([f, c]) => [f, c.after])), version: { increment: 1 } },
      });
      if (count !== 1) throw PublicityErrors.concurrentChange();
      const reason = input.reason.trim();
      await tx.recognitionEvent.create({
        data: { id: randomUUID(), recognitionId: r.id, kind: 'amended', occurredOn: toShanghaiDate(now), occurredAt: now, actorId: actor.userId, detail: { changes, reason } },
      });
      await this.outbox.append(tx, RecognitionAmended, { recognitionId: r.id, applicationId: r.applicationId, changes, reason, amendedAt: now.toISOString() }, meta);
      const updated = await tx.recognition.findUniqueOrThrow({ where: { id: r.id } });
      return { result: toPublicRecognitionView(updated, toShanghaiDate(now)), detail: { changes } };
    });
  }
}
