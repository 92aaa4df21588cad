import { IsUUID } from 'class-validator';
import { defineCommand } from '../../contract';

/** An inquiry's answer carries at most this many files (the same types and size as evidence). */
export const INQUIRY_ATTACHMENTS_MAX = 5;

export class InquiryRefV1 {
  @IsUUID()
  inquiryId!: string;
}
/** Asked by the gateway before it reads an answer's attachment: the limits, or the refusal the attach would give. */
export const AuthorizeInquiryAttachmentUpload = defineCommand('publicity.objection-inquiry.authorize-upload.v1', InquiryRefV1, 'UploadGrantV1');
