import type { UploadGrantV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { MaterialSlotRefV1 } from '@firstset/contracts';
import { MessageMeta, ServiceError } from '@firstset/messaging';
import { Clock, PRISMA, requireActor } from '@firstset/service-kit';
import { PolicyProfileRegistry } from '@firstset/domain';
import { INTAKE_SETTINGS, IntakeSettings } from '../config';
import { profileOf } from '../policy/application-profile';
import { Db, Tx } from '../prisma';
import { assertSlotOnChecklist, editableApplication, remainingBytes } from './material-slots';

export type UploadGrant = UploadGrantV1;

export const applicationQuotaExceeded = (limit: number) =>
  new ServiceError(
    'APPLICATION_MATERIALS_TOO_LARGE',
    413,
    '本申请的材料总大小已达上限 / The application\'s materials have reached their total size limit',
    `limit ${limit} bytes per application`,
  );

/** Asked by the gateway before it streams a file: ownership, state, slot and limits, so a refusal costs no upload. */
@Injectable()
export class AuthorizeUpload {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    private readonly clock: Clock,
    private readonly profiles: PolicyProfileRegistry,
  ) {}

  async execute(input: MaterialSlotRefV1, meta: MessageMeta): Promise<UploadGrant> {
    const actor = requireActor(meta, ['enterprise']);
    const app = await editableApplication(this.db as unknown as Tx, actor.enterpriseUscc!, input.applicationId, this.clock.now());
    assertSlotOnChecklist(app, input.slotId, profileOf(this.profiles, app));
    const remaining = await remainingBytes(this.db as unknown as Tx, app.id, this.settings);
    if (remaining <= 0) throw applicationQuotaExceeded(this.settings.materialMaxApplicationBytes);
    return {
      maxBytes: Math.min(this.settings.materialMaxFileBytes, remaining),
      allowedTypes: this.settings.materialTypes,
      sm3: this.settings.hashSm3,
    };
  }
}
