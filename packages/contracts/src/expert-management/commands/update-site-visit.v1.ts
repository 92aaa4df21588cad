import { IsInt, IsUUID, Min } from 'class-validator';
import { defineCommand } from '../../contract';
import { SiteVisitPlanV1 } from './schedule-site-visit.v1';

export class UpdateSiteVisitV1 extends SiteVisitPlanV1 {
  @IsUUID()
  visitId!: string;

  /** The version the edit was made from; a visit changed meanwhile is refused (409). */
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
/** The institution revises a scheduled visit (M8.2); the enterprise is notified of the new plan. */
export const UpdateSiteVisit = defineCommand('expert-management.site-visit.update.v1', UpdateSiteVisitV1, 'SiteVisitViewV1');
