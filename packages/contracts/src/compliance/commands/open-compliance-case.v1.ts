import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MultilineText } from '../../common/dto';
import { CASE_MEASURES } from '@firstset/domain';
import { defineCommand } from '../../contract';


/**
 * The Department opens a compliance case with the facts (ADR 0026): against a recognition
 * (M10.2), an institution (M10.3) or an expert (M11.2), each checked to exist. `interim` suspends
 * an institution's or expert's work at once while the case is heard.
 */
export class OpenComplianceCaseV1 {
  @IsIn(CASE_MEASURES)
  intendedMeasure!: (typeof CASE_MEASURES)[number];

  /** The recognition's, institution's or expert's id. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  subjectId!: string;

  /** The institution's USCC (required for an institution: expert management checks both). */
  @IsOptional()
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  subjectUscc?: string;

  /** Measures IDs the case rests on (the measure's own article is added when missing). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^M\d{1,2}(\.\d{1,2})?$/, { each: true })
  grounds?: string[];

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(4000)
  facts!: string;

  /** Where the case came from (an objection's receipt number, a tracking evaluation). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;

  @IsOptional()
  @IsBoolean()
  interim?: boolean;

  /**
   * The tracking evaluation the case comes from (M12.2): concluded with a serious problem, about
   * the recognition the case names; recorded as the case's source.
   */
  @IsOptional()
  @IsUUID()
  trackingEvaluationId?: string;
}
export const OpenComplianceCase = defineCommand('compliance.case.open.v1', OpenComplianceCaseV1, 'ComplianceCaseViewV1');
