import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { defineCommand } from '../../contract';

/**
 * The institution asks the panel solver for a proposal (M8.1): for every case its open commissions
 * hold in the batch, or for one case. A dry run: the proposal is stored, nothing is assigned. The
 * seed (given, or generated) makes the tie-breaks reproducible and is recorded in the audit log.
 */
export class ProposePanelsV1 {
  @IsUUID()
  batchId!: string;

  /** Only this case (e.g. a replacement after a recusal). */
  @IsOptional()
  @IsUUID()
  applicationId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[\w.:-]+$/)
  seed?: string;
}
export const ProposePanels = defineCommand('expert-management.panel.propose.v1', ProposePanelsV1, 'PanelRunViewV1');
