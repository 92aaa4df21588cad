import { Inject, Injectable } from '@nestjs/common';
import { PoolQueryV1, Page, pageOf } from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { MessageMeta } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { Db } from '../prisma';
import { institutionOf } from '../reviews/case-access';

export interface ExpertView {
  id: string;
  name: string;
  field: string;
  /** Day of disqualification (M11.2); null while qualified. */
  disqualifiedOn: string | null;
  /** Whether the expert may be assigned today. */
  qualified: boolean;
}

/** The caller's institution's expert pool, searched by name or field and paged: to assign from. */
@Injectable()
export class ReadExpertPool {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async execute(input: PoolQueryV1, meta: MessageMeta): Promise<Page<ExpertView>> {
    const actor = requireActor(meta, ['institution_staff']);
    const { page, pageSize, skip, take } = pageOf(input);
    const where: Prisma.ExpertWhereInput = { institutionId: institutionOf(actor) };
    const term = input.search?.trim();
    if (term) where.OR = [{ name: { contains: term, mode: 'insensitive' } }, { field: { contains: term, mode: 'insensitive' } }];
    const [total, experts] = await Promise.all([
      this.db.expert.count({ where }),
      this.db.expert.findMany({ where, orderBy: [{ name: 'asc' }, { id: 'asc' }], skip, take }),
    ]);
    const today = toShanghaiDate(this.clock.now());
    return {
      items: experts.map((e) => ({
        id: e.id,
        name: e.name,
        field: e.field,
        disqualifiedOn: e.disqualifiedOn,
        qualified: e.disqualifiedOn === null || e.disqualifiedOn > today,
      })),
      total,
      page,
      pageSize,
    };
  }
}
