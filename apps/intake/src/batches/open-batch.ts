import type { BatchViewV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AnnualBatch,
  assertCanOpenBatch,
  INNER_MONGOLIA_DRAFT_PROFILE,
  parseLocalDate,
  toShanghaiDate,
} from '@firstset/domain';
import { BatchOpened, OpenBatchV1 } from '@firstset/contracts';
import { MessageMeta, Outbox } from '@firstset/messaging';
import { CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';

export type BatchView = BatchViewV1;

/** The Department opens the year's batch (M7.1): at most the profile's batches per year. */
@Injectable()
export class OpenBatch {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
  ) {}

  execute(input: OpenBatchV1, meta: MessageMeta): Promise<BatchView> {
    const actor = requireActor(meta, ['department_officer']);
    const id = randomUUID();
    return this.commands.run(meta, { action: 'batch.open', objectType: 'batch', objectId: id }, async (tx) => {
      const opensAt = new Date(input.windowOpensAt);
      const closesAt = new Date(input.windowClosesAt);
      const profile = INNER_MONGOLIA_DRAFT_PROFILE;
      const candidate: AnnualBatch = {
        id,
        year: input.year,
        titleZh: input.name,
        windowOpensAt: opensAt,
        windowClosesAt: closesAt,
        profile: { id: profile.id, version: input.policyProfileVersion ?? profile.version },
      };
      domainRule(() => parseLocalDate(input.prefectureDeadline, 'prefectureDeadline'));
      if (input.prefectureDeadline < toShanghaiDate(closesAt)) throw IntakeErrors.deadlineBeforeWindowCloses();
      // Serialise concurrent opens of the same year: the limit check must see every batch.
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `batch-year:${input.year}`);
      const existing = await tx.batch.findMany({ where: { year: input.year } });
      domainRule(() => assertCanOpenBatch(existing.map(toAnnualBatch), candidate, profile));
      const batch = await tx.batch.create({
        data: {
          id,
          year: input.year,
          name: input.name,
          windowOpensAt: opensAt,
          windowClosesAt: closesAt,
          prefectureDeadline: input.prefectureDeadline,
          policyProfileVersion: candidate.profile.version,
          openedBy: actor.userId,
        },
      });
      const view = toBatchView(batch);
      const { id: batchId, ...rest } = view;
      await this.outbox.append(tx, BatchOpened, { batchId, ...rest }, meta);
      return { result: view, objectId: id };
    });
  }
}

export type BatchRow = {
  id: string;
  year: number;
  name: string;
  windowOpensAt: Date;
  windowClosesAt: Date;
  prefectureDeadline: string;
  policyProfileVersion: string;
};

export function toAnnualBatch(b: BatchRow): AnnualBatch {
  return {
    id: b.id,
    year: b.year,
    titleZh: b.name,
    windowOpensAt: b.windowOpensAt,
    windowClosesAt: b.windowClosesAt,
    profile: { id: INNER_MONGOLIA_DRAFT_PROFILE.id, version: b.policyProfileVersion },
  };
}

export function toBatchView(b: BatchRow): BatchView {
  return {
    id: b.id,
    year: b.year,
    name: b.name,
    windowOpensAt: b.windowOpensAt.toISOString(),
    windowClosesAt: b.windowClosesAt.toISOString(),
    prefectureDeadline: b.prefectureDeadline,
    policyProfileVersion: b.policyProfileVersion,
  };
}
