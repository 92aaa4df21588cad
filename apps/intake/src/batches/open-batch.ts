import type { BatchViewV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AnnualBatch, assertCanOpenBatch, isDomainError, LocalDate, parseLocalDate, PolicyProfile, PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { BatchOpened, OpenBatchV1 } from '@firstset/contracts';
import { MessageMeta, Outbox, ServiceError } from '@firstset/messaging';
import { CommandRunner, domainRule, requireActor } from '@firstset/service-kit';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';

export type BatchView = BatchViewV1;

/**
 * The Department opens the year's batch (M7.1) under one registered policy profile (M15), which
 * judges every application of the batch: at most the profile's batches per year.
 */
@Injectable()
export class OpenBatch {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly outbox: Outbox,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: OpenBatchV1, meta: MessageMeta): Promise<BatchView> {
    const actor = requireActor(meta, ['department_officer']);
    const id = randomUUID();
    return this.commands.run(meta, { action: 'batch.open', objectType: 'batch', objectId: id }, async (tx) => {
      const opensAt = new Date(input.windowOpensAt);
      const closesAt = new Date(input.windowClosesAt);
      const profile = this.profileFor(toShanghaiDate(opensAt), input);
      const candidate: AnnualBatch = {
        id,
        year: input.year,
        titleZh: input.name,
        windowOpensAt: opensAt,
        windowClosesAt: closesAt,
        profile: { id: profile.id, version: profile.version },
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
          policyProfileId: profile.id,
          policyProfileVersion: profile.version,
          openedBy: actor.userId,
        },
      });
      const view = toBatchView(batch, this.profiles);
      const { id: batchId, policyProfileNameZh: _zh, policyProfileNameEn: _en, ...rest } = view;
      await this.outbox.append(tx, BatchOpened, { batchId, ...rest }, meta);
      return { result: view, objectId: id };
    });
  }

  /** M15: the profile chosen (or the one in force on the opening day), refused at its field when it cannot judge this batch. */
  private profileFor(opensOn: LocalDate, input: OpenBatchV1): PolicyProfile {
    try {
      return this.profiles.forBatch(opensOn, { id: input.policyProfileId, version: input.policyProfileVersion });
    } catch (err) {
      if (!isDomainError(err)) throw err;
      const field = input.policyProfileVersion !== undefined ? 'policyProfileVersion' : 'policyProfileId';
      const message = `${err.message} / ${err.messageEn}`;
      throw new ServiceError(err.code, 422, message, err.messageEn, [{ field, message, rule: 'policyProfile' }]);
    }
  }
}

export type BatchRow = {
  id: string;
  year: number;
  name: string;
  windowOpensAt: Date;
  windowClosesAt: Date;
  prefectureDeadline: string;
  policyProfileId: string;
  policyProfileVersion: string;
};

export function toAnnualBatch(b: BatchRow): AnnualBatch {
  return {
    id: b.id,
    year: b.year,
    titleZh: b.name,
    windowOpensAt: b.windowOpensAt,
    windowClosesAt: b.windowClosesAt,
    profile: { id: b.policyProfileId, version: b.policyProfileVersion },
  };
}

export function toBatchView(b: BatchRow, profiles: PolicyProfileRegistry): BatchView {
  // A batch keeps its reference even if its profile were ever unregistered; the name then says so.
  const known = profiles.list().find((p) => p.id === b.policyProfileId && p.version === b.policyProfileVersion);
  return {
    id: b.id,
    year: b.year,
    name: b.name,
    windowOpensAt: b.windowOpensAt.toISOString(),
    windowClosesAt: b.windowClosesAt.toISOString(),
    prefectureDeadline: b.prefectureDeadline,
    policyProfileId: b.policyProfileId,
    policyProfileVersion: b.policyProfileVersion,
    policyProfileNameZh: known?.nameZh ?? `未登记的政策配置 ${b.policyProfileId}@${b.policyProfileVersion}`,
    policyProfileNameEn: known?.nameEn ?? `unregistered policy profile ${b.policyProfileId}@${b.policyProfileVersion}`,
  };
}
