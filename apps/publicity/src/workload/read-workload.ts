import type { WorkloadV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { MessageMeta } from '@firstset/messaging';
import { PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';

/**
 * What publicity has waiting for the Department (workspace home, ADR 0030): objections received
 * and not yet assessed, and objections under investigation not yet concluded (M9.2, M9.3),
 * counted with the objections list's own `status` filter.
 */
@Injectable()
export class ReadWorkload {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async execute(meta: MessageMeta): Promise<WorkloadV1> {
    requireActor(meta, ['department_officer', 'auditor']);
    const [received, investigating] = await Promise.all([
      this.db.objection.count({ where: { status: 'received' } }),
      this.db.objection.count({ where: { status: 'under_investigation' } }),
    ]);
    return {
      items: [
        { key: 'department.objectionsReceived', count: received, nextDeadline: null },
        { key: 'department.objectionsInvestigating', count: investigating, nextDeadline: null },
      ],
    };
  }
}
