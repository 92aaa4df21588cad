import { IsDateString, IsOptional, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

/**
 * The application was withdrawn: by the enterprise (applying is voluntary, M7.1) or by the system
 * when an applicant ban takes effect (M10.2, the reason is the ban's notice). Preliminary review,
 * expert management and publicity end the application's case.
 */
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
