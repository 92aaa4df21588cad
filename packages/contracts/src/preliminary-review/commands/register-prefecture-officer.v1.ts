import { IsOptional, IsString, MaxLength } from 'class-validator';
import { defineCommand } from '../../contract';

/**
 * A colleague of the own prefecture whom the gateway's accounts know but who has not acted yet,
 * made known here so that cases can be assigned to them (issue 13 item 9). Idempotent.
 */
export class RegisterPrefectureOfficerV1 {
  @IsString()
  @MaxLength(100)
  userId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  displayName?: string;
}
export const RegisterPrefectureOfficer = defineCommand('preliminary-review.officers.register.v1', RegisterPrefectureOfficerV1, 'OfficerViewV1');
