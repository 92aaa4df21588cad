import type { Request, Response } from 'express';
import { AttachInquiryFile, AuthorizeInquiryAttachmentUpload } from '@firstset/contracts';
import { ObjectStorage } from '@firstset/object-storage';
import { ServiceCaller } from '../http/service-caller';
import { parseFileName, storedFileName } from './file-name';
import { closeAfterResponse, streamGrantedUpload } from './material-upload';

/**
 * A file for the answer to an objection's inquiry, from the party asked (ADR 0025), streamed like
 * a material (`streamGrantedUpload`): publicity grants it first (its party, not answered yet, the
 * investigation running, fewer than 5 files), so a refusal costs no byte read; it checks again
 * when it records.
 */
export async function uploadInquiryAttachment(
  services: ServiceCaller,
  store: ObjectStorage,
  req: Request,
  res: Response,
  ref: { inquiryId: string },
): Promise<unknown> {
  const fileName = parseFileName(req.header('x-file-name'));
  const grant = await services.call(req, AuthorizeInquiryAttachmentUpload, ref).catch((err: unknown) => {
    closeAfterResponse(req, res);
    throw err;
  });
  return streamGrantedUpload(store, req, res, grant, (file) =>
    services.call(req, AttachInquiryFile, { ...ref, fileName: storedFileName(fileName, file.mediaType), mediaType: file.mediaType, size: file.size, sha256: file.sha256, objectKey: file.objectKey }),
  );
}
