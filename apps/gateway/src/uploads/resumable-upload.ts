import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { AuthorizeMaterialUpload } from '@firstset/contracts';
import { ActorContext, ServiceError } from '@firstset/messaging';
import { ObjectStorage, UploadInspector } from '@firstset/object-storage';
import { ServiceCaller } from '../http/service-caller';
import { parseFileName } from './file-name';
import { closeAfterResponse, receiveInto, storeAndAttach, UploadGrant } from './material-upload';
import { UploadErrors } from './upload-errors';

/**
 * Resumable upload of a large file, in the manner of tus: create a session with the total length,
 * append chunks with PATCH at the offset the server reports (HEAD), and the last chunk finishes
 * the upload exactly as a single one would. Sessions live beside the staged bytes on the store's
 * filesystem, so any gateway replica can continue one.
 */
interface Session {
  id: string;
  userId: string;
  applicationId: string;
  slotId: string;
  fileName: string;
  length: number;
  grant: UploadGrant;
  createdAt: string;
}

export const SESSION_TTL_MS = 24 * 3600_000;
const ID = /^[0-9a-f-]{36}$/;
const notFound = () => new ServiceError('UPLOAD_NOT_FOUND', 404, '上传会话不存在或已过期 / No such upload session (or it expired)');
const actorOf = (req: Request) => (req as Request & { actor?: ActorContext }).actor!;

export class ResumableUploads {
  constructor(
    private readonly services: ServiceCaller,
    private readonly store: ObjectStorage,
  ) {}

  private paths(id: string) {
    if (!ID.test(id)) throw notFound();
    const dir = this.store.stagingDir;
    return { session: join(dir, `${id}.session.json`), part: join(dir, `${id}.part`), lock: join(dir, `${id}.lock`) };
  }

  private async session(req: Request, id: string): Promise<{ session: Session; offset: number }> {
    const p = this.paths(id);
    const session = JSON.parse(await readFile(p.session, 'utf8').catch(() => { throw notFound(); })) as Session;
    if (session.userId !== actorOf(req).userId || Date.now() - Date.parse(session.createdAt) > SESSION_TTL_MS) throw notFound();
    return { session, offset: (await stat(p.part)).size };
  }

  async create(req: Request, ref: { applicationId: string; slotId: string }) {
    const fileName = parseFileName(req.header('x-file-name'));
    const length = Number(req.header('upload-length'));
    if (!Number.isSafeInteger(length) || length < 1) {
      throw new ServiceError('UPLOAD_LENGTH_REQUIRED', 400, '需要 Upload-Length（文件总字节数） / Upload-Length (the total bytes) is required');
    }
    const grant = await this.services.call(req, AuthorizeMaterialUpload, ref);
    if (length > grant.maxBytes) throw UploadErrors.tooLarge(grant.maxBytes);
    const id = randomUUID();
    const p = this.paths(id);
    await mkdir(this.store.stagingDir, { recursive: true });
    await writeFile(p.part, '', { flag: 'wx' });
    const session: Session = { id, userId: actorOf(req).userId, ...ref, fileName, length, grant, createdAt: new Date().toISOString() };
    await writeFile(p.session, JSON.stringify(session), { flag: 'wx' });
    return { uploadId: id, offset: 0, length };
  }

  async offset(req: Request, id: string) {
    const { session, offset } = await this.session(req, id);
    return { uploadId: id, offset, length: session.length };
  }

  /** Appends one chunk at `Upload-Offset`; the chunk that completes the file finishes the upload. */
  async append(req: Request, res: Response, id: string): Promise<{ status: number; body: unknown }> {
    const { session, offset } = await this.session(req, id);
    const p = this.paths(id);
    if (Number(req.header('upload-offset')) !== offset) {
      closeAfterResponse(req, res);
      throw new ServiceError('UPLOAD_OFFSET_MISMATCH', 409, '续传位置不符，请先查询已上传的位置 / Wrong offset; ask for the current one first', `current offset ${offset}`);
    }
    try {
      await writeFile(p.lock, String(process.pid), { flag: 'wx' });
    } catch {
      closeAfterResponse(req, res);
      throw new ServiceError('UPLOAD_BUSY', 409, '该文件正在上传 / Another request is uploading this file');
    }
    try {
      // A chunk cut short keeps what arrived: the client asks for the offset and goes on from there.
      await receiveInto(req, res, new UploadInspector(session.length - offset), p.part, 'a', session.length);
      const now = (await stat(p.part)).size;
      if (now < session.length) return { status: 204, body: { uploadId: id, offset: now, length: session.length } };
      const inspector = new UploadInspector(session.length, { sm3: session.grant.sm3 });
      await pipeline(createReadStream(p.part), inspector, new Writable({ write: (_c, _e, done) => done() }));
      try {
        const ref = { applicationId: session.applicationId, slotId: session.slotId, fileName: session.fileName };
        const material = await storeAndAttach(this.services, this.store, req, ref, p.part, inspector.result(), session.grant, session.length);
        return { status: 201, body: material };
      } finally {
        await Promise.all([rm(p.part, { force: true }), rm(p.session, { force: true })]);
      }
    } finally {
      await rm(p.lock, { force: true });
    }
  }
}
