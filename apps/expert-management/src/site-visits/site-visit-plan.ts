import { SiteVisitPlanV1 } from '@firstset/contracts';
import { LocalDate } from '@firstset/domain';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Tx } from '../prisma';

/**
 * The plan of a visit as the rules allow it (M8.2): dated today or later in Beijing, its members
 * each on the case's panel (an active assignment; a recused or excluded expert no longer is).
 */
export async function checkedPlan(tx: Tx, applicationId: string, plan: SiteVisitPlanV1, today: LocalDate) {
  if (plan.visitOn < today) throw ExpertManagementErrors.siteVisitDatePast(today);
  const panel = await tx.assignment.findMany({ where: { applicationId, status: 'active' }, select: { expertId: true } });
  const onPanel = new Set(panel.map((a) => a.expertId));
  const outside = plan.memberExpertIds.filter((id) => !onPanel.has(id));
  if (outside.length > 0) throw ExpertManagementErrors.siteVisitMemberNotOnPanel(outside);
  return { visitOn: plan.visitOn, address: plan.address.trim(), notice: plan.notice.trim(), memberExpertIds: [...plan.memberExpertIds] };
}
