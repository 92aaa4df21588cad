import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

/** The Department closes a batch's window now, before its planned close, with the reason (M7.1). */
export class CloseBatchWindowV1 {
  @IsUUID()
  batchId!: string;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason!: string;
}
export const CloseBatchWindow = defineCommand('intake.batch.close-window.v1', CloseBatchWindowV1, 'BatchViewV1');
