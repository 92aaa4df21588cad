import type { Request, Response } from 'express';
import type { StoredAttachmentV1, UploadGrantV1 } from '@firstset/contracts';
import type { MessageContract } from '@firstset/messaging';
import { ObjectStorage } from '@firstset/object-storage';
import { ServiceCaller } from '../http/service-caller';
import { parseFileName, storedFileName } from './file-name';
import { closeAfterResponse, streamGrantedUpload } from './material-upload';

/** The owning service's pair of commands for one kind of attachment: the grant asked first, then the record (the reference and the stored file). */
export interface AttachmentContracts<Ref, R> {
  authorize: MessageContract<Ref, UploadGrantV1>;
  attach: MessageContract<NoInfer<Ref> & StoredAttachmentV1, R>;
}

/**
 * A file attached to a record its owning service keeps (an inquiry's answer, ADR 0025; a tracking
 * report, M12.2), streamed like a material (`streamGrantedUpload`): the service grants it first
 * (whose record, its state, how many files it has), so a refusal costs no byte read; it checks
 * again when it records the file, named by its type's extension.
 */
export async function uploadAttachment<Ref extends object, R>(
  services: ServiceCaller,
  store: ObjectStorage,
  req: Request,
  res: Response,
  contracts: AttachmentContracts<Ref, R>,
  ref: NoInfer<Ref>,
): Promise<R> {
  const fileName = parseFileName(req.header('x-file-name'));
  const grant = await services.call(req, contracts.authorize, ref).catch((err: unknown) => {
    closeAfterResponse(req, res);
    throw err;
  });
  return streamGrantedUpload(store, req, res, grant, (file) =>
    services.call(req, contracts.attach, { ...ref, fileName: storedFileName(fileName, file.mediaType), mediaType: file.mediaType, size: file.size, sha256: file.sha256, objectKey: file.objectKey }),
  );
}
