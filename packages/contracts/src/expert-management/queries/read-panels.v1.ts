import { IsOptional, IsUUID } from 'class-validator';
import { defineQuery } from '../../contract';

/**
 * The institution's panels page (M8.1): the batches its open commissions hold, and for the chosen
 * batch every case with its active panel (needing experts, or a replacement after a recusal or an
 * exclusion) and the latest panel run.
 */
export class ReadPanelsV1 {
  @IsOptional()
  @IsUUID()
  batchId?: string;
}
export const ReadPanels = defineQuery('expert-management.panel.read.v1', ReadPanelsV1, 'PanelOverviewV1');
