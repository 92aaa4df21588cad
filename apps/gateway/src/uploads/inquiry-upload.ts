import type { Request, Response } from 'express';
import { AttachInquiryFile, AuthorizeInquiryAttachmentUpload } from '@firstset/contracts';
import { ObjectStorage } from '@firstset/object-storage';
import { ServiceCaller } from '../http/service-caller';
import { uploadAttachment } from './attachment-upload';

/**
 * A file for the answer to an objection's inquiry, from the party asked (ADR 0025), streamed under
 * publicity's grant (`uploadAttachment`: its party, not answered yet, the investigation running,
 * fewer than 5 files); publicity checks again when it records.
 */
export function uploadInquiryAttachment(services: ServiceCaller, store: ObjectStorage, req: Request, res: Response, ref: { inquiryId: string }): Promise<unknown> {
  return uploadAttachment(services, store, req, res, { authorize: AuthorizeInquiryAttachmentUpload, attach: AttachInquiryFile }, ref);
}
