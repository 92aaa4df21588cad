import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SITE_FINDING_RESULTS, type SiteFindingResult } from '@firstset/domain';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';
import { SiteVisitRefV1 } from './cancel-site-visit.v1';

export class RecordSiteFindingV1 extends SiteVisitRefV1 {
  /** What was checked: a production line, a test report, a sales contract, … */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  item!: string;

  @IsIn(SITE_FINDING_RESULTS)
  result!: SiteFindingResult;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(4000)
  description!: string;
}
/** The institution records one item checked on site and its result, while the visit is scheduled (M8.2). */
export const RecordSiteFinding = defineCommand('expert-management.site-visit.record-finding.v1', RecordSiteFindingV1, 'SiteVisitViewV1');
