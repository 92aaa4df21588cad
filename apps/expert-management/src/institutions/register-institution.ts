import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { toShanghaiDate } from '@firstset/domain';
import { RegisterInstitutionV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { institutionData } from './institution-fields';
import { InstitutionDetail, institutionDetail } from './institution-view';

/** The Department registers a third-party review institution (M8.1): a valid USCC, one record per USCC. */
@Injectable()
export class RegisterInstitution {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: RegisterInstitutionV1, meta: MessageMeta): Promise<InstitutionDetail> {
    const actor = requireActor(meta, ['department_officer']);
    const id = randomUUID();
    return this.commands.run(meta, { action: 'institution.register', objectType: 'institution', objectId: id }, async (tx) => {
      const now = this.clock.now();
      const data = institutionData(input);
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `expert-management:uscc:${data.uscc}`);
      const taken = await tx.institution.findUnique({ where: { uscc: data.uscc } });
      if (taken) throw ExpertManagementErrors.usccTaken(taken.name);
      const row = await tx.institution.create({ data: { id, ...data, registeredBy: actor.userId, registeredAt: now } });
      return { result: await institutionDetail(tx, row, toShanghaiDate(now)), detail: { uscc: data.uscc, name: data.name } };
    });
  }
}
