import type { WorkloadV1 } from '@firstset/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { MessageMeta } from '@firstset/messaging';
import { PRISMA, requireActor } from '@firstset/service-kit';
import { Db } from '../prisma';

/**
 * What compliance has waiting for the Department (workspace home, ADR 0030): cases opened and not
 * yet notified to the party, and cases whose party has stated its case, ready for a decision
 * (ADR 0026; M10.2, M10.3, M11.2), each counted with the cases list's own `status` filter.
 */
@Injectable()
export class ReadWorkload {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async execute(meta: MessageMeta): Promise<WorkloadV1> {
    requireActor(meta, ['department_officer', 'auditor']);
    const [toNotify, heard] = await Promise.all([
      this.db.complianceCase.count({ where: { status: 'opened' } }),
      this.db.complianceCase.count({ where: { status: 'statement_received' } }),
    ]);
    return {
      items: [
        { key: 'department.casesToNotify', count: toNotify, nextDeadline: null },
        { key: 'department.casesHeard', count: heard, nextDeadline: null },
      ],
    };
  }
}
