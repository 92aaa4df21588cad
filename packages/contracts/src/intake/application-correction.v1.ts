import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { defineCommand, defineQuery } from '../contract';
import { ApplicationRefDto } from '../common/dto';
import { MultilineText } from '../common/edge-rules';
import { SubmitApplicationV1 } from './submit-application.v1';

/** The pre-submission check: every problem the domain rules find, tied to its field and article. */
export const CheckApplication = defineQuery('intake.application.check.v1', ApplicationRefDto, 'CheckResultV1');

/**
 * The enterprise resubmits a returned application as a new version, before the deadline (M7.3).
 * A resubmitted version is a new declaration of facts: it signs the truthfulness pledge again
 * (M10.1), naming the version it was shown, as at the first submission.
 */
export class ResubmitApplicationV1 extends SubmitApplicationV1 {}
export const ResubmitApplication = defineCommand('intake.application.resubmit.v1', ResubmitApplicationV1, 'ApplicationViewV1');

/** Every submitted version of an application with the differences between them. */
export const ListApplicationVersions = defineQuery('intake.application.versions.v1', ApplicationRefDto, 'ApplicationVersionListV1');

/** The enterprise withdraws its application before the Department decides the list (M7.1). */
export class WithdrawApplicationV1 {
  @IsUUID()
  applicationId!: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason?: string;
}
export const WithdrawApplication = defineCommand('intake.application.withdraw.v1', WithdrawApplicationV1, 'ApplicationViewV1');
