import type { DownloadGrantV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { ApplicationRefDto, MaterialRefV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { AuditRecorder, Clock, CommandRunner, notFound, PRISMA, requireActor } from '@firstset/service-kit';
import { ROLES } from '@firstset/domain';
import { MEDIA_TYPES } from '@firstset/object-storage';
import { Db, Tx } from '../prisma';
import { MaterialView, readableApplication, toMaterialView } from './material-access';
import { editableApplication } from './material-slots';

export type DownloadGrant = DownloadGrantV1;


/** Listing, removing and downloading an application's files, each within the caller's jurisdiction. */
@Injectable()
export class ReadMaterials {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
    private readonly audit: AuditRecorder,
  ) {}

  async list(input: ApplicationRefDto, meta: MessageMeta): Promise<MaterialView[]> {
    const actor = requireActor(meta, ROLES);
    const app = await readableApplication(this.db, actor, input.applicationId);
    const rows = await this.db.material.findMany({ where: { applicationId: app.id, removedAt: null }, orderBy: { uploadedAt: 'asc' } });
    // An auditor's read is itself audited (ADR 0028); downloads are, for everyone (authorizeDownload).
    if (actor.role === 'auditor') {
      await this.audit.record(this.db, meta, { action: 'material.list', objectType: 'application', objectId: app.id, outcome: 'succeeded', detail: { materials: rows.length } });
    }
    return rows.map(toMaterialView);
  }

  remove(input: MaterialRefV1, meta: MessageMeta): Promise<{ id: string; removed: true }> {
    const actor = requireActor(meta, ['enterprise']);
    const spec = { action: 'material.remove', objectType: 'material', objectId: input.materialId };
    return this.commands.run(meta, spec, async (tx) => {
      const app = await editableApplication(tx, actor.enterpriseUscc!, input.applicationId, this.clock.now());
      const { count } = await tx.material.updateMany({
        where: { id: input.materialId, applicationId: app.id, removedAt: null },
        data: { removedAt: this.clock.now() },
      });
      if (count !== 1) throw notFound('material');
      return { result: { id: input.materialId, removed: true as const } };
    });
  }

  /** Every download is authorized here and audited, refusals included; the gateway streams the object. */
  authorizeDownload(input: MaterialRefV1, meta: MessageMeta): Promise<DownloadGrant> {
    const actor = requireActor(meta, ROLES);
    const spec = { action: 'material.download', objectType: 'material', objectId: input.materialId };
    return this.commands.run(meta, spec, async (tx) => {
      const app = await readableApplication(tx, actor, input.applicationId);
      // Files removed from the draft stay readable: earlier submitted versions refer to them.
      const m = await tx.material.findFirst({ where: { id: input.materialId, applicationId: app.id } });
      if (!m) throw notFound('material');
      return {
        result: { objectKey: m.objectKey, fileName: m.fileName, mediaType: (MEDIA_TYPES as Record<string, string>)[m.mediaType] ?? 'application/octet-stream', size: m.size, sha256: m.sha256 },
        detail: { applicationId: app.id, sha256: m.sha256, fileName: m.fileName },
      };
    });
  }

  /** For the gateway's orphan sweep: the keys no material row refers to (any state, removed ones too). */
  async unreferenced(input: { objectKeys: string[] }, meta: MessageMeta): Promise<{ unreferenced: string[] }> {
    requireActor(meta, ['system']);
    const rows = await this.db.material.findMany({ where: { objectKey: { in: input.objectKeys } }, select: { objectKey: true }, distinct: ['objectKey'] });
    const referenced = new Set(rows.map((r) => r.objectKey));
    return { unreferenced: input.objectKeys.filter((k) => !referenced.has(k)) };
  }
}
