import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsLocalDate, MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

/** When and where the visit takes place, what the enterprise prepares, and which of the panel's experts go. */
export class SiteVisitPlanV1 {
  /** The Beijing calendar date of the visit, YYYY-MM-DD (today or later). */
  @IsLocalDate()
  visitOn!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  address!: string;

  /** What the enterprise is asked to prepare and who should attend (sent to it with the notice). */
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  notice!: string;

  /** The visiting experts: each on the case's panel (an active assignment). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberExpertIds!: string[];
}

export class ScheduleSiteVisitV1 extends SiteVisitPlanV1 {
  @IsUUID()
  applicationId!: string;
}
/**
 * The commissioned institution schedules an on-site verification of an application under
 * comprehensive review (M8.2): a date, the place, the notice and members from the panel. The
 * enterprise is notified.
 */
export const ScheduleSiteVisit = defineCommand('expert-management.site-visit.schedule.v1', ScheduleSiteVisitV1, 'SiteVisitViewV1');
