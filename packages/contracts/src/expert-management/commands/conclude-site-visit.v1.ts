import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SITE_VISIT_CONCLUSIONS, type SiteVisitConclusion } from '@firstset/domain';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';
import { SiteVisitRefV1 } from './cancel-site-visit.v1';

export class ConcludeSiteVisitV1 extends SiteVisitRefV1 {
  @IsIn(SITE_VISIT_CONCLUSIONS)
  conclusion!: SiteVisitConclusion;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(4000)
  note!: string;
}
/**
 * The institution concludes a visit with at least one finding (M8.2): its conclusion and note.
 * The enterprise is notified and may then answer the findings.
 */
export const ConcludeSiteVisit = defineCommand('expert-management.site-visit.conclude.v1', ConcludeSiteVisitV1, 'SiteVisitViewV1');
