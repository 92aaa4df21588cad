import { IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { defineCommand } from '../../contract';

/** The enterprise's tracking report carries at most this many files, each at most TRACKING_ATTACHMENT_MAX_BYTES. */
export const TRACKING_ATTACHMENTS_MAX = 5;
export const TRACKING_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const TRACKING_ATTACHMENT_TYPES = ['pdf', 'jpg', 'png'] as const;

/**
 * The gateway records a file it stored for the enterprise's tracking report (M12.2; ADR 0026), while
 * the evaluation is requested and not past its due date.
 */
export class AttachTrackingFileV1 {
  @IsUUID()
  evaluationId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fileName!: string;

  @IsIn(TRACKING_ATTACHMENT_TYPES)
  mediaType!: string;

  @IsInt()
  @Min(1)
  @Max(TRACKING_ATTACHMENT_MAX_BYTES)
  size!: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  objectKey!: string;
}
export const AttachTrackingFile = defineCommand('compliance.tracking.attach-file.v1', AttachTrackingFileV1, 'TrackingEvaluationViewV1');
