import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';
import { SiteVisitRefV1 } from './cancel-site-visit.v1';

/** One finding of a visit. */
export class SiteFindingRefV1 extends SiteVisitRefV1 {
  @IsUUID()
  findingId!: string;
}

export class AnswerSiteFindingV1 extends SiteFindingRefV1 {
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(4000)
  answer!: string;
}
/** The applicant answers a finding of a concluded visit, once (M8.2); evidence uploaded before goes with it. */
export const AnswerSiteFinding = defineCommand('expert-management.site-visit.answer-finding.v1', AnswerSiteFindingV1, 'SiteVisitViewV1');
