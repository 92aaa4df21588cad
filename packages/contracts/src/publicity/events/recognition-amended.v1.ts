import { IsDateString, IsObject, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../../contract';

/** A registry entry's particulars were amended (M13.1): what changed, before and after, and why. */
export class RecognitionAmendedV1 {
  @IsUUID()
  recognitionId!: string;

  @IsUUID()
  applicationId!: string;

  /** Field → { before, after }, only the fields that changed. */
  @IsObject()
  changes!: Record<string, { before: string; after: string }>;

  @IsString()
  reason!: string;

  @IsDateString()
  amendedAt!: string;
}
export const RecognitionAmended = defineEvent('publicity.recognition.amended.v1', RecognitionAmendedV1);
