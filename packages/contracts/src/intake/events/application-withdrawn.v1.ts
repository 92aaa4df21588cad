import { IsDateString, IsOptional, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

/** The enterprise withdrew its application (applying is voluntary, M7.1). */
export class ApplicationWithdrawnV1 {
  @IsUUID()
  applicationId!: string;

  @IsOptional()
  @IsString()
  reason?: string;

  @IsDateString()
  withdrawnAt!: string;
}
export const ApplicationWithdrawn = defineEvent('intake.application.withdrawn.v1', ApplicationWithdrawnV1);
