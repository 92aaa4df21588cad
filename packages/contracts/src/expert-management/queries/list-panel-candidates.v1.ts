import { IsUUID } from 'class-validator';
import { defineQuery } from '../../contract';

/** The institution's experts for one seat of a panel run, each with why it may or may not take it (M11.1, M11.2). */
export class ListPanelCandidatesV1 {
  @IsUUID()
  runId!: string;

  @IsUUID()
  applicationId!: string;
}
export const ListPanelCandidates = defineQuery('expert-management.panel.candidates.v1', ListPanelCandidatesV1, 'PanelCandidateListV1');
