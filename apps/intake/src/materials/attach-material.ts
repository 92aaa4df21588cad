import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AttachMaterialV1 } from '@firstset/contracts';
import { MessageMeta, ServiceError } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { PolicyProfileRegistry } from '@firstset/domain';
import { INTAKE_SETTINGS, IntakeSettings } from '../config';
import { profileOf } from '../policy/application-profile';
import { IntakeErrors } from '../intake.errors';
import { Tx } from '../prisma';
import { applicationQuotaExceeded } from './authorize-upload';
import { MaterialView, toMaterialView } from './material-access';
import { assertSlotOnChecklist, editableApplication, remainingBytes } from './material-slots';

/**
 * Records a file the gateway stored and inspected against a slot of the checklist (M7.4). The
 * same content in the same slot is recorded once. Limits are checked again here: the grant the
 * gateway asked for may be stale by the time the upload finished.
 */
@Injectable()
export class AttachMaterial {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  execute(input: AttachMaterialV1, meta: MessageMeta): Promise<MaterialView> {
    const actor = requireActor(meta, ['enterprise']);
    const spec = { action: 'material.attach', objectType: 'application', objectId: input.applicationId };
    return this.commands.run(meta, spec, async (tx) => {
      const now = this.clock.now();
      const app = await editableApplication(tx, actor.enterpriseUscc!, input.applicationId, now);
      assertSlotOnChecklist(app, input.slotId, profileOf(this.profiles, app));
      if (!this.settings.materialTypes.includes(input.mediaType)) {
        throw IntakeErrors.unsupportedFileType(input.mediaType);
      }
      if (input.size > this.settings.materialMaxFileBytes) {
        throw new ServiceError('FILE_TOO_LARGE', 413, '文件过大 / File too large', `limit ${this.settings.materialMaxFileBytes} bytes per file`);
      }
      // Serialise attachments to one application so that two parallel uploads cannot both pass the total limit.
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `materials:${app.id}`);
      const same = await tx.material.findFirst({
        where: { applicationId: app.id, slotId: input.slotId, sha256: input.sha256, removedAt: null },
      });
      if (same) return { result: toMaterialView(same), objectId: app.id, detail: { materialId: same.id, duplicate: true } };
      if ((await remainingBytes(tx, app.id, this.settings)) < input.size) throw applicationQuotaExceeded(this.settings.materialMaxApplicationBytes);
      const material = await tx.material.create({
        data: {
          id: randomUUID(),
          applicationId: app.id,
          slotId: input.slotId,
          fileName: input.fileName,
          mediaType: input.mediaType,
          size: input.size,
          sha256: input.sha256,
          sm3: input.sm3 ?? null,
          objectKey: input.objectKey,
          uploadedBy: actor.userId,
          uploadedAt: now,
        },
      });
      return {
        result: toMaterialView(material),
        detail: { materialId: material.id, slotId: input.slotId, sha256: input.sha256, size: input.size },
      };
    });
  }
}
