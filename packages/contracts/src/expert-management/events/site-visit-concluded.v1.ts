import { IsDateString, IsIn, IsInt, IsString, IsUUID, Min } from 'class-validator';
import { SITE_VISIT_CONCLUSIONS, type SiteVisitConclusion } from '@firstset/domain';
import { defineEvent } from '../../contract';

export class SiteVisitConcludedV1 {
  @IsUUID()
  visitId!: string;

  @IsUUID()
  applicationId!: string;

  @IsString()
  visitOn!: string;

  @IsIn(SITE_VISIT_CONCLUSIONS)
  conclusion!: SiteVisitConclusion;

  @IsInt()
  @Min(1)
  findingCount!: number;

  @IsDateString()
  concludedAt!: string;
}
/**
 * An on-site verification was concluded (M8.2): intake notifies the enterprise, which may answer
 * the findings; the institution's report reads the conclusion.
 */
export const SiteVisitConcluded = defineEvent('expert-management.site-visit.concluded.v1', SiteVisitConcludedV1);
