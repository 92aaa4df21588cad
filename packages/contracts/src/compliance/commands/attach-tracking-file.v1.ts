import { IsUUID } from 'class-validator';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, StoredAttachmentV1 } from '../../common/stored-attachment';
import { defineCommand } from '../../contract';

/** The enterprise's tracking report carries at most this many files (PDF, JPEG or PNG, 20 MiB each). */
export const TRACKING_ATTACHMENTS_MAX = 5;
export const TRACKING_ATTACHMENT_MAX_BYTES = ATTACHMENT_MAX_BYTES;
export const TRACKING_ATTACHMENT_TYPES = ATTACHMENT_TYPES;

/**
 * The gateway records a file it stored for the enterprise's tracking report (M12.2; ADR 0026), while
 * the evaluation is requested and not past its due date.
 */
export class AttachTrackingFileV1 extends StoredAttachmentV1 {
  @IsUUID()
  evaluationId!: string;
}
export const AttachTrackingFile = defineCommand('compliance.tracking.attach-file.v1', AttachTrackingFileV1, 'TrackingEvaluationViewV1');
