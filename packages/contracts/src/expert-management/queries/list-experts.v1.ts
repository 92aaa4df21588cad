import { IsIn, IsOptional } from 'class-validator';
import { EXPERT_FIELD_CODES } from '@firstset/domain';
import { defineQuery } from '../../contract';
import { PoolQueryV1 } from '../dto';

export const EXPERT_AVAILABILITY = ['available', 'unavailable', 'disqualified'] as const;

/** The pool searched by name, employer or specialty, filtered by an M4.2 field and by availability. */
export class ExpertPoolQueryV1 extends PoolQueryV1 {
  @IsOptional()
  @IsIn(EXPERT_FIELD_CODES)
  fieldCode?: string;

  /** available: may be assigned today; unavailable: marked so (or absent until a day); disqualified (M11.2). */
  @IsOptional()
  @IsIn(EXPERT_AVAILABILITY)
  availability?: (typeof EXPERT_AVAILABILITY)[number];
}

/** The caller's institution's expert pool, each with its qualification (M11.2): to assign from. */
export const ListExperts = defineQuery('expert-management.expert.list.v1', ExpertPoolQueryV1, 'ExpertPageV1');
