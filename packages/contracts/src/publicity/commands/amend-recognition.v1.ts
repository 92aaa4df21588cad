import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { MultilineText } from '../../common/edge-rules';
import { defineCommand } from '../../contract';

/**
 * The Department keeps the registry up to date (M13.1): an entry's public particulars amended (a
 * renamed enterprise, a corrected model), with the reason; the change is kept in its history.
 */
export class AmendRecognitionV1 {
  @IsUUID()
  recognitionId!: string;

  /** The entry's version as read: an entry changed meanwhile is refused (409). */
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  enterpriseName?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  productName?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  series?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  model?: string;

  @IsString()
  @IsNotEmpty()
  @MultilineText()
  @MaxLength(2000)
  reason!: string;
}
export const AmendRecognition = defineCommand('publicity.recognition.amend.v1', AmendRecognitionV1, 'PublicRecognitionViewV1');
