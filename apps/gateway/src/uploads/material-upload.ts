import type { UploadGrantV1 } from '@firstset/contracts';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { AttachMaterial, AuthorizeMaterialUpload } from '@firstset/contracts';
import {
  contentKey,
  detectMediaType,
  inspectContent,
  InspectionResult,
  MalwareFoundError,
  ObjectChecksumMismatchError,
  ObjectStorage,
  ScannerUnavailableError,
  UploadInspector,
  UploadTooLargeError,
} from '@firstset/object-storage';
import { ServiceCaller } from '../http/service-caller';
import { parseFileName, storedFileName } from './file-name';
import { UploadErrors } from './upload-errors';
import { ServiceError } from '@firstset/messaging';
import { uploadBytes, uploadsRefused } from '@firstset/service-kit';

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
 * One material upload, streamed (`streamGrantedUpload`) under intake's grant, then recorded by
 * intake with the file named by its type's extension.
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
  return streamGrantedUpload(store, req, res, grant, (file) => services.call(req, AttachMaterial, { ...ref, ...file, fileName: storedFileName(fileName, file.mediaType) }));
}

/**
 * Any granted upload, streamed: request → inspector (size limit, SHA-256/SM3, PDF scan) → a
 * staging file on the store's filesystem; never more than a chunk in memory. A declared length
 * over the grant is refused before a byte is read. Then `storeAndRecord`: checked by content,
 * stored under its content-addressed key, recorded by the owning service. Any refusal leaves no
 * file and no record; the staging file is always removed.
 */
export async function streamGrantedUpload<T>(
  store: ObjectStorage,
  req: Request,
  res: Response,
  grant: UploadGrant,
  record: (file: Omit<StoredUpload, 'existed'>) => Promise<T>,
): Promise<T> {
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
    return await storeAndRecord(store, staged, inspector.result(), grant, declared, record);
  } finally {
    await rm(staged, { force: true });
  }
}

/** A file checked and stored under its content-addressed key: what the owning service records. */
export interface StoredUpload {
  size: number;
  mediaType: string;
  sha256: string;
  sm3?: string;
  objectKey: string;
  /** The content was stored already (by another upload): not to be taken back on a refusal. */
  existed: boolean;
}

/**
 * Decides the type by content, inspects the content for that type (active content, archive
 * limits, macros, programs, polyglots: `inspectContent`) and moves the staged file to its
 * content-addressed key. The gateway's store scans it for malware on the way in (ADR 0034) and
 * keeps the verdict with the object: an infected file is refused, and without a verdict nothing
 * is stored (fail closed), so no reviewer can open an unscanned file. The staged file is consumed
 * (moved or left for the caller to remove).
 */
export async function storeChecked(
  store: ObjectStorage,
  staged: string,
  inspected: InspectionResult,
  grant: UploadGrant,
  declared?: number,
): Promise<StoredUpload> {
  try {
    const stored = await checkAndStore(store, staged, inspected, grant, declared);
    uploadBytes.inc({ kind: stored.mediaType }, stored.size);
    return stored;
  } catch (err) {
    uploadsRefused.inc({ reason: err instanceof ServiceError ? err.code : 'error' });
    throw err;
  }
}

async function checkAndStore(
  store: ObjectStorage,
  staged: string,
  inspected: InspectionResult,
  grant: UploadGrant,
  declared?: number,
): Promise<StoredUpload> {
  if (declared !== undefined && inspected.size !== declared) throw UploadErrors.incomplete();
  if (inspected.size === 0) throw UploadErrors.empty();
  const type = await detectMediaType(staged);
  if (!grant.allowedTypes.includes(type.id)) throw UploadErrors.unsupportedType(type.id, grant.allowedTypes);
  const refusal = await inspectContent(staged, inspected.size, type.id);
  if (refusal) throw UploadErrors.refusedContent(refusal);
  const key = contentKey(inspected.sha256);
  const existed = (await store.head(key)) !== null;
  try {
    await store.putFile(key, staged);
  } catch (err) {
    if (err instanceof MalwareFoundError) throw UploadErrors.malware(err.verdict.signature ?? 'unknown');
    if (err instanceof ScannerUnavailableError) throw UploadErrors.scanUnavailable(err.message);
    if (err instanceof ObjectChecksumMismatchError) throw UploadErrors.storageChecksum();
    throw err;
  }
  return { size: inspected.size, mediaType: type.id, sha256: inspected.sha256, ...(inspected.sm3 ? { sm3: inspected.sm3 } : {}), objectKey: key, existed };
}

/**
 * The end of every upload: the file checked and stored (`storeChecked`) and recorded by its owning
 * service; a refused record (e.g. the case changed meanwhile) takes back content nobody else had.
 */
export async function storeAndRecord<T>(
  store: ObjectStorage,
  staged: string,
  inspected: InspectionResult,
  grant: UploadGrant,
  declared: number | undefined,
  record: (file: Omit<StoredUpload, 'existed'>) => Promise<T>,
): Promise<T> {
  const { existed, ...file } = await storeChecked(store, staged, inspected, grant, declared);
  try {
    return await record(file);
  } catch (err) {
    if (!existed) await store.delete(file.objectKey);
    throw err;
  }
}

/** The end of a resumable material upload: stored and recorded by intake (`storeAndRecord`). */
export function storeAndAttach(
  services: ServiceCaller,
  store: ObjectStorage,
  req: Request,
  ref: { applicationId: string; slotId: string; fileName: string },
  staged: string,
  inspected: InspectionResult,
  grant: UploadGrant,
  declared?: number,
): Promise<unknown> {
  return storeAndRecord(store, staged, inspected, grant, declared, (file) =>
    services.call(req, AttachMaterial, { ...ref, ...file, fileName: storedFileName(ref.fileName, file.mediaType) }),
  );
}
