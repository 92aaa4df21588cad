import { Inject, Injectable } from '@nestjs/common';
import type { DownloadGrantV1, PartyInquiryViewV1, UploadGrantV1 } from '@firstset/contracts';
import {
  AttachInquiryFileV1,
  INQUIRY_ATTACHMENTS_MAX,
  InquiryRefV1,
  OBJECTION_ATTACHMENT_MAX_BYTES,
  OBJECTION_ATTACHMENT_TYPES,
  ObjectionFileRefV1,
  ObjectKeysV1,
} from '@firstset/contracts';
import { ActorContext, MessageMeta } from '@firstset/messaging';
import { CommandRunner, PRISMA, requireActor, SERVICE_CONFIG, ServiceConfig } from '@firstset/service-kit';
import { Prisma } from '../generated/prisma/client';
import { Db, Tx } from '../prisma';
import { PARTY_ROLES, partyOf } from './answer-objection-inquiry';
import { ObjectionErrors } from './objections.errors';
import { toPartyInquiryView } from './objection-view';

const MIME: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

interface StoredFile {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  objectKey: string;
}
const filesOf = (json: Prisma.JsonValue): StoredFile[] => (Array.isArray(json) ? (json as unknown as StoredFile[]) : []);

/** The inquiry the actor answers for, still open to files: not answered, its objection under investigation. */
async function openInquiry(tx: Tx | Db, actor: ActorContext, inquiryId: string) {
  const inquiry = await tx.objectionInquiry.findFirst({ where: { id: inquiryId, ...partyOf(actor) }, include: { objection: true } });
  if (!inquiry || !inquiry.partyRef) throw ObjectionErrors.inquiryNotFound();
  if (inquiry.answeredAt) throw ObjectionErrors.alreadyAnswered();
  if (inquiry.objection.status !== 'under_investigation') throw ObjectionErrors.wrongStatus(inquiry.objection.status, 'under_investigation');
  return inquiry;
}

/**
 * The files of objections (ADR 0025): the evidence an objector adds and the attachments a party
 * puts to its answer. The Department alone downloads them, every download audited (refusals too);
 * the party asked does not get the objector's evidence (it may name the objector). The party
 * attaches files to its answer before answering, at most 5, the types and size of evidence.
 */
@Injectable()
export class ObjectionFiles {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly commands: CommandRunner<Tx>,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  authorizeDownload(input: ObjectionFileRefV1, meta: MessageMeta): Promise<DownloadGrantV1> {
    requireActor(meta, ['department_officer']);
    const spec = { action: 'objection.file-download', objectType: 'objection', objectId: input.objectionId };
    return this.commands.run(meta, spec, async (tx) => {
      const o = await tx.objection.findUnique({ where: { id: input.objectionId }, include: { inquiries: true } });
      if (!o) throw ObjectionErrors.notFound();
      const source = input.inquiryId ? o.inquiries.find((i) => i.id === input.inquiryId)?.attachments : o.attachments;
      const f = source === undefined ? undefined : filesOf(source).find((x) => x.sha256 === input.sha256);
      if (!f) throw ObjectionErrors.fileNotFound();
      return {
        result: { objectKey: f.objectKey, fileName: f.fileName, mediaType: MIME[f.mediaType] ?? 'application/octet-stream', size: f.size, sha256: f.sha256 },
        detail: { inquiryId: input.inquiryId ?? null, sha256: f.sha256, fileName: f.fileName },
      };
    });
  }

  /** Asked by the gateway before it reads a byte: the grant, or the refusal the attach would give. */
  async authorizeUpload(input: InquiryRefV1, meta: MessageMeta): Promise<UploadGrantV1> {
    const actor = requireActor(meta, PARTY_ROLES);
    const inquiry = await openInquiry(this.db, actor, input.inquiryId);
    if (filesOf(inquiry.attachments).length >= INQUIRY_ATTACHMENTS_MAX) throw ObjectionErrors.attachmentsFull(INQUIRY_ATTACHMENTS_MAX);
    return { maxBytes: OBJECTION_ATTACHMENT_MAX_BYTES, allowedTypes: [...OBJECTION_ATTACHMENT_TYPES], sm3: false };
  }

  /** Records a file the gateway stored for the answer; an identical file is kept once. */
  attach(input: AttachInquiryFileV1, meta: MessageMeta): Promise<PartyInquiryViewV1> {
    const actor = requireActor(meta, PARTY_ROLES);
    const spec = { action: 'objection-inquiry.attach', objectType: 'objection-inquiry', objectId: input.inquiryId };
    return this.commands.run(meta, spec, async (tx) => {
      const inquiry = await openInquiry(tx, actor, input.inquiryId);
      const files = filesOf(inquiry.attachments);
      const { fileName, mediaType, size, sha256, objectKey } = input;
      const known = files.some((f) => f.sha256 === sha256);
      if (!known && files.length >= INQUIRY_ATTACHMENTS_MAX) throw ObjectionErrors.attachmentsFull(INQUIRY_ATTACHMENTS_MAX);
      const attachments = known ? files : [...files, { fileName, mediaType, size, sha256, objectKey }];
      // Compare-and-set on the answer still missing: an answer given meanwhile closes the files.
      const { count } = await tx.objectionInquiry.updateMany({
        where: { id: inquiry.id, answeredAt: null },
        data: { attachments: attachments as unknown as Prisma.InputJsonValue },
      });
      if (count !== 1) throw ObjectionErrors.alreadyAnswered();
      const saved = await tx.objectionInquiry.findUniqueOrThrow({
        where: { id: inquiry.id },
        include: { objection: { include: { entry: { include: { candidate: true } } } } },
      });
      return { result: toPartyInquiryView(saved), detail: { objectionId: inquiry.objectionId, sha256, size, mediaType } };
    });
  }

  /** For the gateway's orphan sweep: the keys no objection's evidence and no answer refers to. */
  async unreferenced(input: ObjectKeysV1, meta: MessageMeta): Promise<{ unreferenced: string[] }> {
    requireActor(meta, ['system']);
    if (input.objectKeys.length === 0) return { unreferenced: [] };
    const schema = this.config.dbSchema;
    const rows = await this.db.$queryRawUnsafe<Array<{ key: string }>>(
      `SELECT e->>'objectKey' AS key FROM "${schema}".objections o, LATERAL jsonb_array_elements(o.attachments) e WHERE e->>'objectKey' = ANY($1::text[])
       UNION SELECT e->>'objectKey' FROM "${schema}".objection_inquiries i, LATERAL jsonb_array_elements(i.attachments) e WHERE e->>'objectKey' = ANY($1::text[])`,
      input.objectKeys,
    );
    const referenced = new Set(rows.map((r) => r.key));
    return { unreferenced: input.objectKeys.filter((k) => !referenced.has(k)) };
  }
}
