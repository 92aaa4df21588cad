import type { CaseConflictsV1, CaseRefViewV1, ExpertConflictsV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { CaseRefV1, ExpertIdV1 } from '@firstset/contracts';
import { LocalDate, PolicyProfileRegistry, toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { ReviewCase } from '../generated/prisma/client';
import { Db, Tx } from '../prisma';
import { caseOfInstitution, institutionOf } from '../reviews/case-access';
import { expertOfPool } from '../experts/expert-access';
import { conflictsForCase, poolForConflicts } from './conflicts-for-case';

export const caseRef = (c: ReviewCase): CaseRefViewV1 => ({
  applicationId: c.id,
  applicationNo: c.applicationNo,
  enterpriseName: c.enterpriseName,
  productName: c.productName,
  fieldCode: c.fieldCode,
  state: c.state,
});

/** Every expert of the institution's pool against one case it holds, the conflicted first (M11.1). */
export async function caseConflicts(db: Tx | Db, reviewCase: ReviewCase, institutionId: string, today: LocalDate, profiles: PolicyProfileRegistry): Promise<CaseConflictsV1> {
  const pool = await poolForConflicts(db, institutionId);
  const found = await conflictsForCase(db, reviewCase, pool, today, profiles);
  const experts = pool
    .map((e) => ({ expertId: e.id, name: e.name, employerName: e.employerName, conflicts: found.get(e.id) ?? [] }))
    .sort((a, b) => Number(b.conflicts.length > 0) - Number(a.conflicts.length > 0));
  return { ...caseRef(reviewCase), experts };
}

/** M11.1: the conflicts of one case held by the caller's institution; another institution's case is "not found". */
@Injectable()
export class ReadCaseConflicts {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  async execute(input: CaseRefV1, meta: MessageMeta): Promise<CaseConflictsV1> {
    const institutionId = institutionOf(requireActor(meta, ['institution_staff']));
    const today = toShanghaiDate(this.clock.now());
    const { reviewCase } = await caseOfInstitution(this.db as unknown as Tx, input.applicationId, institutionId, today);
    return caseConflicts(this.db, reviewCase, institutionId, today, this.profiles);
  }
}

/** M11.1: one expert of the caller's pool against every case the institution holds now (only those with a conflict). */
@Injectable()
export class ReadExpertConflicts {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  async execute(input: ExpertIdV1, meta: MessageMeta): Promise<ExpertConflictsV1> {
    const institutionId = institutionOf(requireActor(meta, ['institution_staff']));
    const today = toShanghaiDate(this.clock.now());
    const expert = await expertOfPool(this.db, input.expertId, institutionId);
    const held = await this.db.reviewCase.findMany({
      where: { commission: { institutionId, endedAt: null } },
      orderBy: { applicationNo: 'asc' },
    });
    const cases: ExpertConflictsV1['cases'] = [];
    for (const c of held) {
      const conflicts = (await conflictsForCase(this.db, c, [expert], today, this.profiles)).get(expert.id) ?? [];
      if (conflicts.length > 0) cases.push({ ...caseRef(c), conflicts });
    }
    return { expertId: expert.id, name: expert.name, cases };
  }
}
