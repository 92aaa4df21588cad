import type { CommissionDetailViewV1 } from '@firstset/contracts';
import { ApplicationState } from '@firstset/domain';
import { Commission, Institution } from '../generated/prisma/client';
import { Db, Tx } from '../prisma';

export type CommissionDetailView = CommissionDetailViewV1;

export function toCommissionView(c: Commission & { institution: Pick<Institution, 'name'> }, casesHeld: number): CommissionDetailView {
  return {
    id: c.id,
    batchId: c.batchId,
    institutionId: c.institutionId,
    institutionName: c.institution.name,
    productKinds: c.productKinds,
    fieldCodes: c.fieldCodes,
    commissionedAt: c.commissionedAt.toISOString(),
    commissionedBy: c.commissionedBy,
    state: c.endedAt ? 'ended' : 'open',
    endedAt: c.endedAt?.toISOString() ?? null,
    endedBy: c.endedBy,
    endReason: c.endReason,
    replacedById: c.replacedById,
    casesHeld: c.endedAt ? 0 : casesHeld,
  };
}

/** Cases under review each commission holds now. */
export async function casesHeldBy(db: Db | Tx, commissionIds: string[]): Promise<Map<string, number>> {
  if (commissionIds.length === 0) return new Map();
  const rows = await db.reviewCase.groupBy({
    by: ['commissionId'],
    where: { commissionId: { in: commissionIds }, state: ApplicationState.UNDER_COMPREHENSIVE_REVIEW },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.commissionId!, r._count._all]));
}

export async function commissionViews(db: Db | Tx, rows: Array<Commission & { institution: Pick<Institution, 'name'> }>): Promise<CommissionDetailView[]> {
  const held = await casesHeldBy(db, rows.map((c) => c.id));
  return rows.map((c) => toCommissionView(c, held.get(c.id) ?? 0));
}
