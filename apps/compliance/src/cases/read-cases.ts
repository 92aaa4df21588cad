import { Inject, Injectable } from '@nestjs/common';
import type { ComplianceCasePageV1, ComplianceCaseViewV1 } from '@firstset/contracts';
import { GetComplianceCaseV1, ListComplianceCasesV1, pageOf } from '@firstset/contracts';
import { MessageMeta } from '@firstset/messaging';
import { PRISMA, requireActor } from '@firstset/service-kit';
import { ComplianceErrors } from '../compliance.errors';
import { Prisma } from '../generated/prisma/client';
import { Db } from '../prisma';
import { isCaseParty, partyFilter } from './case-party';
import { CASE_INCLUDE, toCaseView } from './case-view';

const READERS = ['department_officer', 'auditor'] as const;

/**
 * Cases for the Department and the auditor (all), and for a party (its own, once notified: before
 * the notice the case is the Department's alone; ADR 0026). Anyone else reads 404.
 */
@Injectable()
export class ReadCases {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async list(input: ListComplianceCasesV1, meta: MessageMeta): Promise<ComplianceCasePageV1> {
    const actor = requireActor(meta, [...READERS, 'enterprise', 'institution_staff', 'expert']);
    const own = (READERS as readonly string[]).includes(actor.role) ? null : partyFilter(actor);
    const { page, pageSize, skip, take } = pageOf(input);
    const where: Prisma.ComplianceCaseWhereInput = {
      ...(input.status ? { status: input.status } : {}),
      ...(input.intendedMeasure ? { intendedMeasure: input.intendedMeasure } : {}),
      ...(own ? { ...own, status: input.status && input.status !== 'opened' ? input.status : { not: 'opened' } } : {}),
    };
    const [total, rows] = await Promise.all([
      this.db.complianceCase.count({ where }),
      this.db.complianceCase.findMany({ where, include: CASE_INCLUDE, orderBy: { openedAt: 'desc' }, skip, take }),
    ]);
    return { items: rows.map(toCaseView), total, page, pageSize };
  }

  async get(input: GetComplianceCaseV1, meta: MessageMeta): Promise<ComplianceCaseViewV1> {
    const actor = requireActor(meta, [...READERS, 'enterprise', 'institution_staff', 'expert']);
    const c = await this.db.complianceCase.findUnique({ where: { id: input.caseId }, include: CASE_INCLUDE });
    const reader = (READERS as readonly string[]).includes(actor.role);
    if (!c || (!reader && (!isCaseParty(actor, c) || c.status === 'opened'))) throw ComplianceErrors.caseNotFound();
    return toCaseView(c);
  }
}
