import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DownloadGrantV1, TrackingEvaluationViewV1, UploadGrantV1 } from '@firstset/contracts';
import {
  AttachTrackingFileV1,
  GetTrackingEvaluationV1,
  ObjectKeysV1,
  TRACKING_ATTACHMENT_MAX_BYTES,
  TRACKING_ATTACHMENT_TYPES,
  TRACKING_ATTACHMENTS_MAX,
  TrackingFileRefV1,
} from '@firstset/contracts';
import { toShanghaiDate } from '@firstset/domain';
import { ActorContext, MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, PRISMA, requireActor } from '@firstset/service-kit';
import { ComplianceErrors } from '../compliance.errors';
import { Db, Tx } from '../prisma';
import { maySeeEvaluation, toTrackingView, TRACKING_INCLUDE, TRACKING_READERS } from './tracking-view';

const MIME: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

/**
 * The enterprise's own evaluation, still open to files: requested (not reported) and not past its
 * due date, China time. Another enterprise's reads 404, as everywhere in tracking.
 */
async function openEvaluation(tx: Tx | Db, actor: ActorContext, evaluationId: string, now: Date) {
  const e = await tx.trackingEvaluation.findUnique({ where: { id: evaluationId }, include: { attachments: { select: { sha256: true } } } });
  if (!e || !actor.enterpriseUscc || e.uscc !== actor.enterpriseUscc) throw ComplianceErrors.trackingNotFound();
  if (e.status !== 'requested') throw ComplianceErrors.trackingStatus(e.status, 'requested');
  if (toShanghaiDate(now) > e.dueOn) throw ComplianceErrors.trackingReportTooLate(e.dueOn);
  return e;
}

/**
 * The files of the enterprise's tracking report (M12.2; ADR 0026), like an inquiry's answer: the
 * gateway asks for a grant before it reads a byte, streams and inspects the file, and the
 * enterprise's record is checked again here. At most 5 (PDF, JPEG or PNG, 20 MiB each), added and
 * removed only before reporting; whoever may read the evaluation downloads them, each download
 * audited (refusals too).
 */
@Injectable()
export class TrackingFiles {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  /** Asked by the gateway before it reads a byte: the grant, or the refusal the attach would give. */
  async authorizeUpload(input: GetTrackingEvaluationV1, meta: MessageMeta): Promise<UploadGrantV1> {
    const actor = requireActor(meta, ['enterprise']);
    const e = await openEvaluation(this.db, actor, input.evaluationId, this.clock.now());
    if (e.attachments.length >= TRACKING_ATTACHMENTS_MAX) throw ComplianceErrors.trackingAttachmentsFull(TRACKING_ATTACHMENTS_MAX);
    return { maxBytes: TRACKING_ATTACHMENT_MAX_BYTES, allowedTypes: [...TRACKING_ATTACHMENT_TYPES], sm3: false };
  }

  /** Records a file the gateway stored for the report; an identical file is kept once. */
  attach(input: AttachTrackingFileV1, meta: MessageMeta): Promise<TrackingEvaluationViewV1> {
    const actor = requireActor(meta, ['enterprise']);
    const spec = { action: 'tracking-evaluation.attach', objectType: 'tracking_evaluation', objectId: input.evaluationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const e = await openEvaluation(tx, actor, input.evaluationId, now);
      const { fileName, mediaType, size, sha256, objectKey } = input;
      const known = e.attachments.some((a) => a.sha256 === sha256);
      if (!known && e.attachments.length >= TRACKING_ATTACHMENTS_MAX) throw ComplianceErrors.trackingAttachmentsFull(TRACKING_ATTACHMENTS_MAX);
      // Compare-and-set on the evaluation: a report submitted or a file added meanwhile is seen, not overrun.
      await this.bump(tx, e);
      if (!known) await tx.trackingAttachment.create({ data: { id: randomUUID(), evaluationId: e.id, fileName, mediaType, size, sha256, objectKey, uploadedBy: actor.userId, uploadedAt: now } });
      const row = await tx.trackingEvaluation.findUniqueOrThrow({ where: { id: e.id }, include: TRACKING_INCLUDE });
      return { result: toTrackingView(row, actor), detail: { sha256, size, mediaType, kept: !known } };
    });
  }

  /** Takes a file off the report before reporting; its content goes with the gateway's sweep once nothing refers to it. */
  remove(input: TrackingFileRefV1, meta: MessageMeta): Promise<TrackingEvaluationViewV1> {
    const actor = requireActor(meta, ['enterprise']);
    const spec = { action: 'tracking-evaluation.remove-file', objectType: 'tracking_evaluation', objectId: input.evaluationId };
    return this.commands.run(meta, spec, async (tx) => {
      const e = await openEvaluation(tx, actor, input.evaluationId, this.clock.now());
      if (!e.attachments.some((a) => a.sha256 === input.sha256)) throw ComplianceErrors.trackingFileNotFound();
      await this.bump(tx, e);
      await tx.trackingAttachment.delete({ where: { evaluationId_sha256: { evaluationId: e.id, sha256: input.sha256 } } });
      const row = await tx.trackingEvaluation.findUniqueOrThrow({ where: { id: e.id }, include: TRACKING_INCLUDE });
      return { result: toTrackingView(row, actor), detail: { sha256: input.sha256 } };
    });
  }

  /** Who may read the evaluation may download its files; every answer is audited. */
  authorizeDownload(input: TrackingFileRefV1, meta: MessageMeta): Promise<DownloadGrantV1> {
    const actor = requireActor(meta, [...TRACKING_READERS, 'prefecture_officer', 'enterprise']);
    const spec = { action: 'tracking-evaluation.file-download', objectType: 'tracking_evaluation', objectId: input.evaluationId };
    return this.commands.run(meta, spec, async (tx) => {
      const e = await tx.trackingEvaluation.findUnique({ where: { id: input.evaluationId }, select: { prefectureId: true, uscc: true } });
      if (!e || !maySeeEvaluation(actor, e)) throw ComplianceErrors.trackingNotFound();
      const f = await tx.trackingAttachment.findUnique({ where: { evaluationId_sha256: { evaluationId: input.evaluationId, sha256: input.sha256 } } });
      if (!f) throw ComplianceErrors.trackingFileNotFound();
      return {
        result: { objectKey: f.objectKey, fileName: f.fileName, mediaType: MIME[f.mediaType] ?? 'application/octet-stream', size: f.size, sha256: f.sha256 },
        detail: { sha256: f.sha256, fileName: f.fileName },
      };
    });
  }

  /** For the gateway's orphan sweep: the keys no tracking report refers to. */
  async unreferenced(input: ObjectKeysV1, meta: MessageMeta): Promise<{ unreferenced: string[] }> {
    requireActor(meta, ['system']);
    if (input.objectKeys.length === 0) return { unreferenced: [] };
    const rows = await this.db.trackingAttachment.findMany({ where: { objectKey: { in: input.objectKeys } }, select: { objectKey: true }, distinct: ['objectKey'] });
    const referenced = new Set(rows.map((r) => r.objectKey));
    return { unreferenced: input.objectKeys.filter((k) => !referenced.has(k)) };
  }

  private async bump(tx: Tx, e: { id: string; version: number }): Promise<void> {
    const { count } = await tx.trackingEvaluation.updateMany({ where: { id: e.id, version: e.version, status: 'requested' }, data: { version: { increment: 1 } } });
    if (count !== 1) throw ComplianceErrors.concurrentChange();
  }
}
