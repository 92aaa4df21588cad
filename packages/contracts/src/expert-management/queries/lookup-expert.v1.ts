import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { defineQuery } from '../../contract';

export class LookupExpertV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  expertId!: string;
}
/**
 * Service to service (ADR 0019): compliance asks whether the expert it is about to disqualify
 * exists (M11.2). Answered without an actor; only compliance may send it (NATS permissions).
 */
export const LookupExpert = defineQuery('expert-management.expert.lookup.v1', LookupExpertV1, 'SanctionSubjectV1', { callers: ['compliance'] });
