import { IsUUID } from 'class-validator';
import { defineCommand } from '../../contract';

/** The institution confirms a proposed panel run: its experts are assigned (M8.1). Once. */
export class ConfirmPanelRunV1 {
  @IsUUID()
  runId!: string;
}
export const ConfirmPanelRun = defineCommand('expert-management.panel.confirm.v1', ConfirmPanelRunV1, 'PanelRunViewV1');
