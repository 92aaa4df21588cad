import type { UploadGrantV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { AttachMaterial, AuthorizeMaterialUpload } from '@firstset/contracts';
import { contentKey, detectMediaType, inspectContent, ObjectStorage, InspectionResult, UploadInspector, UploadTooLargeError } from '@firstset/object-storage';
import { ServiceCaller } from '../http/service-caller';
import { parseFileName, storedFileName } from './file-name';
import { UploadErrors } from './upload-errors';

export type UploadGrant = UploadGrantV1;

/** After a refusal mid-body: answer, then drop the connection rather than read the rest. */
export function closeAfterResponse(req: Request, res: Response): void {
  res.setHeader('Connection', 'close');
  res.once('finish', () => req.destroy());
}

/**
 * Streams the request body through the inspector into `path` (created, or appended to). A body
 * over the limit or cut short fails with the upload's own errors; the response then closes the
 * connection instead of reading the rest. The file is closed whatever happens: a client that went
 * away (even before this began, while the upload was being authorized) ends the pipeline at once,
 * so no descriptor waits for bytes that will never come.
 */
export async function receiveInto(req: Request, res: Response, inspector: UploadInspector, path: string, flags: 'wx' | 'a', limit: number): Promise<void> {
  const gone = () => inspector.destroy(new Error('client went away mid-upload'));
  const onClose = () => {
    if (!req.complete) gone();
  };
  const onError = (err: Error) => inspector.destroy(err);
  try {
    const written = pipeline(inspector, createWriteStream(path, { flags }));
    req.once('error', onError);
    req.once('close', onClose);
    // 'close' may already have fired while the grant was asked for: then nothing more will come.
    if (!req.complete && (req.destroyed || req.socket?.destroyed !== false)) gone();
    else req.pipe(inspector);
    await written;
  } catch (err) {
    req.unpipe(inspector);
    closeAfterResponse(req, res);
    throw err instanceof UploadTooLargeError ? UploadErrors.tooLarge(limit) : UploadErrors.incomplete();
  } finally {
    req.off('error', onError);
    req.off('close', onClose);
  }
}

/**
 * One material upload, streamed: request → inspector (size limit, SHA-256/SM3, PDF scan) → a
 * staging file on the store's filesystem; never more than a chunk in memory. Then the type is
 * decided by content, the file moves to its content-addressed key (stored once however often it
 * is uploaded) and intake records the reference. Any refusal leaves no file and no record.
 */
export async function uploadMaterial(
  services: ServiceCaller,
  store: ObjectStorage,
  req: Request,
  res: Response,
  ref: { applicationId: string; slotId: string },
): Promise<unknown> {
  const fileName = parseFileName(req.header('x-file-name'));
  const grant = await services.call(req, AuthorizeMaterialUpload, ref);
  const declared = req.header('content-length') === undefined ? undefined : Number(req.header('content-length'));
  if (declared !== undefined && declared > grant.maxBytes) {
    closeAfterResponse(req, res);
    throw UploadErrors.tooLarge(grant.maxBytes);
  }
  await mkdir(store.stagingDir, { recursive: true });
  const staged = join(store.stagingDir, `${randomUUID()}.part`);
  const inspector = new UploadInspector(grant.maxBytes, { sm3: grant.sm3 });
  try {
    await receiveInto(req, res, inspector, staged, 'wx', grant.maxBytes);
    return await storeAndAttach(services, store, req, { ...ref, fileName }, staged, inspector.result(), grant, declared);
  } finally {
    await rm(staged, { force: true });
  }
}

/**
 * The end of every upload: decides the type by content, inspects the content for that type
 * (active content, archive limits, macros, programs, polyglots: `inspectContent`), names the file
 * with the type's extension, moves the staged file to its content-addressed key and has intake
 * record it. The staged file is consumed (moved or left for the caller to remove).
 */
export async function storeAndAttach(
  services: ServiceCaller,
  store: ObjectStorage,
  req: Request,
  ref: { applicationId: string; slotId: string; fileName: string },
  staged: string,
  inspected: InspectionResult,
  grant: UploadGrant,
  declared?: number,
): Promise<unknown> {
  if (declared !== undefined && inspected.size !== declared) throw UploadErrors.incomplete();
  if (inspected.size === 0) throw UploadErrors.empty();
  const type = await detectMediaType(staged);
  if (!grant.allowedTypes.includes(type.id)) throw UploadErrors.unsupportedType(type.id, grant.allowedTypes);
  const refusal = await inspectContent(staged, inspected.size, type.id);
  if (refusal) throw UploadErrors.refusedContent(refusal);
  const key = contentKey(inspected.sha256);
  const existed = (await store.head(key)) !== null;
  await store.putFile(key, staged);
  try {
    return await services.call(req, AttachMaterial, {
      ...ref,
      fileName: storedFileName(ref.fileName, type.id),
      size: inspected.size,
      mediaType: type.id,
      sha256: inspected.sha256,
      ...(inspected.sm3 ? { sm3: inspected.sm3 } : {}),
      objectKey: key,
    });
  } catch (err) {
    // Refused by intake (e.g. the application changed meanwhile): take back content nobody else had.
    if (!existed) await store.delete(key);
    throw err;
  }
}
