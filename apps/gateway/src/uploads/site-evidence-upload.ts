import type { Request, Response } from 'express';
import { AttachSiteEvidence, AuthorizeSiteEvidenceUpload } from '@firstset/contracts';
import { ObjectStorage } from '@firstset/object-storage';
import { ServiceCaller } from '../http/service-caller';
import { parseFileName, storedFileName } from './file-name';
import { streamGrantedUpload } from './material-upload';

/**
 * A photo or document of an on-site verification (M8.2), streamed like a material: expert
 * management grants the upload (the caller's visit and finding, its state, the limits: 20 MiB a
 * file, 20 files a finding, JPEG, PNG or PDF by content), the gateway inspects and stores the
 * file, expert management records the reference. Any refusal leaves no file and no record.
 */
export async function uploadSiteEvidence(
  services: ServiceCaller,
  store: ObjectStorage,
  req: Request,
  res: Response,
  ref: { visitId: string; findingId: string },
): Promise<unknown> {
  const fileName = parseFileName(req.header('x-file-name'));
  const grant = await services.call(req, AuthorizeSiteEvidenceUpload, ref);
  return streamGrantedUpload(store, req, res, grant, (file) => services.call(req, AttachSiteEvidence, { ...ref, ...file, fileName: storedFileName(fileName, file.mediaType) }));
}
