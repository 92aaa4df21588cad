import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

/**
 * The Department decided one application (M9.1): on the list or not selected, with the reason
 * for the latter. One event per application, so the enterprise is told either way.
 */
export class ApplicationDecidedV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  batchId!: string;

  @IsIn(['selected', 'not_selected'])
  outcome!: 'selected' | 'not_selected';

  @IsOptional()
  @IsString()
  reason?: string;

  /** The list it went on, when selected. */
  @IsOptional()
  @IsUUID()
  decisionListId?: string;
}
export const ApplicationDecided = defineEvent('publicity.application.decided.v1', ApplicationDecidedV1);
