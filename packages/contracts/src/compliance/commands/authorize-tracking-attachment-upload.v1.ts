import { defineCommand } from '../../contract';
import { GetTrackingEvaluationV1 } from '../queries/get-tracking-evaluation.v1';

/**
 * Asked by the gateway before it reads a tracking report's attachment (M12.2): the limits, or the
 * refusal the attach would give (not the enterprise's, not requested, past due, 5 files already).
 */
export const AuthorizeTrackingAttachmentUpload = defineCommand('compliance.tracking.authorize-upload.v1', GetTrackingEvaluationV1, 'UploadGrantV1');
