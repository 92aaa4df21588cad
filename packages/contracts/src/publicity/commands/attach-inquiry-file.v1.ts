import { IsUUID } from 'class-validator';
import { StoredAttachmentV1 } from '../../common/stored-attachment';
import { defineCommand } from '../../contract';

/** The gateway records a file it stored for the answer of an inquiry not yet answered (ADR 0025): the types and size of evidence. */
export class AttachInquiryFileV1 extends StoredAttachmentV1 {
  @IsUUID()
  inquiryId!: string;
}
export const AttachInquiryFile = defineCommand('publicity.objection-inquiry.attach.v1', AttachInquiryFileV1, 'PartyInquiryViewV1');
