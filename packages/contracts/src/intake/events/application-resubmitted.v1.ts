import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../contract';
import { CorrectionAnswerV1 } from '../dto';
import { ApplicationSubmittedV1 } from './application-submitted.v1';

/** One difference between the returned version and the resubmitted one, for the reviewer. */
export class FieldChangeV1 {
  @IsString()
  field!: string;

  @IsOptional()
  before?: unknown;

  @IsOptional()
  after?: unknown;
}

/** The enterprise corrected a returned application and resubmitted it as a new version (M7.3). */
export class ApplicationResubmittedV1 extends ApplicationSubmittedV1 {
  @IsInt()
  @Min(1)
  previousVersion!: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FieldChangeV1)
  changes!: FieldChangeV1[];

  /** The enterprise's answer to each item of the return, in the return's order (absent from older producers). */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CorrectionAnswerV1)
  answers?: CorrectionAnswerV1[];
}
export const ApplicationResubmitted = defineEvent('intake.application.resubmitted.v1', ApplicationResubmittedV1);
