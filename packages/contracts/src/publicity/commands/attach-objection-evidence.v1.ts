import { Matches } from 'class-validator';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, StoredAttachmentV1 } from '../../common/stored-attachment';
import { defineCommand } from '../../contract';
import { OBJECTOR_PHONE_PATTERN } from './lodge-objection.v1';
import { OBJECTION_RECEIPT_PATTERN } from '../queries/follow-objection.v1';

/** At most this many files of evidence per objection, each at most OBJECTION_ATTACHMENT_MAX_BYTES. */
export const OBJECTION_ATTACHMENTS_MAX = 5;
export const OBJECTION_ATTACHMENT_MAX_BYTES = ATTACHMENT_MAX_BYTES;
export const OBJECTION_ATTACHMENT_TYPES = ATTACHMENT_TYPES;

/** The gateway records a file of evidence it stored for an objection still being received (ADR 0025). */
export class AttachObjectionEvidenceV1 extends StoredAttachmentV1 {
  @Matches(OBJECTION_RECEIPT_PATTERN)
  receiptNo!: string;

  @Matches(OBJECTOR_PHONE_PATTERN)
  phone!: string;
}
export const AttachObjectionEvidence = defineCommand('publicity.objection.attach.v1', AttachObjectionEvidenceV1, 'ObjectionFollowV1');
