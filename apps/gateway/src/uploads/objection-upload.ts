import type { Request, Response } from 'express';
import {
  AttachObjectionEvidence,
  FollowObjection,
  OBJECTION_ATTACHMENT_MAX_BYTES,
  OBJECTION_ATTACHMENT_TYPES,
  OBJECTION_ATTACHMENTS_MAX,
} from '@firstset/contracts';
import { ObjectStorage } from '@firstset/object-storage';
import { ServiceError } from '@firstset/messaging';
import { ServiceCaller } from '../http/service-caller';
import { parseFileName, storedFileName } from './file-name';
import { closeAfterResponse, streamGrantedUpload } from './material-upload';
import { UploadErrors } from './upload-errors';

/**
 * A file of evidence for an objection, from its objector (no account: the receipt number and the
 * phone, ADR 0025), streamed like a material (`streamGrantedUpload`): PDF, JPEG or PNG decided by the
 * content, at most 20 MiB, at most 5 per objection. The case is checked before a byte is read, so
 * a wrong pair or a full case costs the server nothing; publicity checks again when it records.
 */
export async function uploadObjectionEvidence(
  services: ServiceCaller,
  store: ObjectStorage,
  req: Request,
  res: Response,
  ref: { receiptNo: string; phone: string },
): Promise<unknown> {
  const fileName = parseFileName(req.header('x-file-name'));
  const declared = req.header('content-length') === undefined ? undefined : Number(req.header('content-length'));
  if (declared !== undefined && declared > OBJECTION_ATTACHMENT_MAX_BYTES) {
    closeAfterResponse(req, res);
    throw UploadErrors.tooLarge(OBJECTION_ATTACHMENT_MAX_BYTES);
  }
  const before = await services.call(req, FollowObjection, ref).catch((err: unknown) => {
    closeAfterResponse(req, res);
    throw err;
  });
  if (before.status !== 'received' || before.attachments.length >= OBJECTION_ATTACHMENTS_MAX) {
    closeAfterResponse(req, res);
    throw before.status !== 'received'
      ? new ServiceError('OBJECTION_STATUS', 409, '异议已进入处理，不能再补充附件 / The objection is being handled; no more files', `status ${before.status}`)
      : new ServiceError('OBJECTION_ATTACHMENTS_FULL', 422, `每件异议最多 ${OBJECTION_ATTACHMENTS_MAX} 个附件 / At most ${OBJECTION_ATTACHMENTS_MAX} files per objection`);
  }
  const grant = { maxBytes: OBJECTION_ATTACHMENT_MAX_BYTES, sm3: false, allowedTypes: [...OBJECTION_ATTACHMENT_TYPES] };
  return streamGrantedUpload(store, req, res, grant, (file) =>
    services.call(req, AttachObjectionEvidence, { ...ref, fileName: storedFileName(fileName, file.mediaType), mediaType: file.mediaType, size: file.size, sha256: file.sha256, objectKey: file.objectKey }),
  );
}
