import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { defineQuery } from '../../contract';

/** An institution named by a sanction: by its id (when one of ours) or its USCC. */
export class LookupInstitutionV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  institutionId!: string;

  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  uscc!: string;
}
/**
 * Service to service (ADR 0019): compliance asks whether the institution it is about to ban exists
 * (M10.3). Answered without an actor; only compliance may send it (NATS permissions).
 */
export const LookupInstitution = defineQuery('expert-management.institution.lookup.v1', LookupInstitutionV1, 'SanctionSubjectV1', {
  callers: ['compliance'],
});
