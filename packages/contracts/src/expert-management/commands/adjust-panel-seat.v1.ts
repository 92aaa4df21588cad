import { IsOptional, IsUUID } from 'class-validator';
import { defineCommand } from '../../contract';

/**
 * The institution changes one seat of a proposed panel before confirming it: `expertId` replaces
 * `replaceExpertId` (a proposed expert), or fills an empty seat when that is absent. The server checks
 * the expert again: conflicts (M11.1), availability, qualification (M11.2) and load.
 */
export class AdjustPanelSeatV1 {
  @IsUUID()
  runId!: string;

  @IsUUID()
  applicationId!: string;

  @IsOptional()
  @IsUUID()
  replaceExpertId?: string;

  @IsUUID()
  expertId!: string;
}
export const AdjustPanelSeat = defineCommand('expert-management.panel.adjust.v1', AdjustPanelSeatV1, 'PanelRunViewV1');
