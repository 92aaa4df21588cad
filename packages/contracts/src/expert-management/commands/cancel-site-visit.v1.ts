import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

/** One on-site verification. */
export class SiteVisitRefV1 {
  @IsUUID()
  visitId!: string;
}

export class CancelSiteVisitV1 extends SiteVisitRefV1 {
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(1000)
  reason!: string;
}
/** The institution cancels a scheduled visit with a reason (M8.2); the enterprise is notified. */
export const CancelSiteVisit = defineCommand('expert-management.site-visit.cancel.v1', CancelSiteVisitV1, 'SiteVisitViewV1');
