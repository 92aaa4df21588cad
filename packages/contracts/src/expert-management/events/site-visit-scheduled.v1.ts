import { IsBoolean, IsDateString, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../../contract';

export class SiteVisitScheduledV1 {
  @IsUUID()
  visitId!: string;

  @IsUUID()
  applicationId!: string;

  @IsString()
  visitOn!: string;

  @IsString()
  address!: string;

  @IsString()
  notice!: string;

  /** How many experts come (the enterprise is not told who). */
  @IsInt()
  @Min(1)
  memberCount!: number;

  /** The plan of an already scheduled visit changed. */
  @IsOptional()
  @IsBoolean()
  revised?: boolean;

  @IsDateString()
  scheduledAt!: string;
}
/** An on-site verification was scheduled or revised (M8.2): intake notifies the enterprise. */
export const SiteVisitScheduled = defineEvent('expert-management.site-visit.scheduled.v1', SiteVisitScheduledV1);
