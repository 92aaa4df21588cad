import { IsDateString, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

export class SiteVisitCancelledV1 {
  @IsUUID()
  visitId!: string;

  @IsUUID()
  applicationId!: string;

  @IsString()
  visitOn!: string;

  @IsString()
  reason!: string;

  @IsDateString()
  cancelledAt!: string;
}
/** A scheduled on-site verification was cancelled (M8.2): intake notifies the enterprise. */
export const SiteVisitCancelled = defineEvent('expert-management.site-visit.cancelled.v1', SiteVisitCancelledV1);
