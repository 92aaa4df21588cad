import { Injectable } from '@nestjs/common';
import { toShanghaiDate } from '@firstset/domain';
import { UpdateInstitutionV1 } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { Clock, CommandRunner, notFound, requireActor } from '@firstset/service-kit';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';
import { institutionData } from './institution-fields';
import { InstitutionDetail, institutionDetail } from './institution-view';

/**
 * The Department edits an institution's record (M8.1) from the version it read: a stale version is
 * refused (409), a USCC another institution holds too. The ban (M10.3) is compliance's, not editable here.
 */
@Injectable()
export class UpdateInstitution {
  constructor(
    private readonly commands: CommandRunner<Tx>,
    private readonly clock: Clock,
  ) {}

  execute(input: UpdateInstitutionV1, meta: MessageMeta): Promise<InstitutionDetail> {
    requireActor(meta, ['department_officer']);
    return this.commands.run(meta, { action: 'institution.update', objectType: 'institution', objectId: input.id }, async (tx) => {
      const now = this.clock.now();
      const data = institutionData(input);
      const current = await tx.institution.findUnique({ where: { id: input.id } });
      if (!current) throw notFound('institution');
      if (current.version !== input.version) throw ExpertManagementErrors.staleVersion(current.version);
      if (data.uscc !== current.uscc) {
        await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `expert-management:uscc:${data.uscc}`);
        const taken = await tx.institution.findUnique({ where: { uscc: data.uscc } });
        if (taken) throw ExpertManagementErrors.usccTaken(taken.name);
      }
      const { count } = await tx.institution.updateMany({ where: { id: input.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (count !== 1) throw ExpertManagementErrors.staleVersion(input.version + 1);
      const row = await tx.institution.findUniqueOrThrow({ where: { id: input.id } });
      const changed = Object.keys(data).filter((k) => data[k as keyof typeof data] !== current[k as keyof typeof current]);
      return { result: await institutionDetail(tx, row, toShanghaiDate(now)), detail: { changed, version: row.version } };
    });
  }
}
