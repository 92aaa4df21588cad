import { DEFAULT_RECOMMENDING_BODIES } from '@firstset/domain';
import { ActorContext } from '@firstset/messaging';
import { Tx } from '../prisma';

const DEPARTMENT = '内蒙古自治区工业和信息化厅 / Department of Industry and Information Technology of Inner Mongolia';

/**
 * The body a person acted for, "中文 / English", as the timeline names it (issue 20 item 5): the
 * Department, the prefecture's industry and IT authority, the enterprise by its registered name,
 * or the kind of reviewer (intake does not keep institutions' names). Null for the system.
 */
export async function organisationOf(tx: Tx, actor: ActorContext): Promise<string | null> {
  const enterprise =
    actor.role === 'enterprise' && actor.enterpriseUscc
      ? await tx.enterprise.findUnique({ where: { uscc: actor.enterpriseUscc }, select: { name: true } })
      : null;
  return organisationFor(actor, enterprise?.name);
}

/** The same, the enterprise's registered name already read (an enterprise's staff only). */
export function organisationFor(actor: ActorContext, enterpriseName: string | undefined): string | null {
  switch (actor.role) {
    case 'department_officer':
    case 'auditor':
      return DEPARTMENT;
    case 'prefecture_officer': {
      const body = DEFAULT_RECOMMENDING_BODIES.find((b) => b.id === actor.prefectureId);
      return body
        ? `${body.nameZh}工业和信息化主管部门 / ${body.nameEn} industry and IT authority`
        : `盟市工业和信息化主管部门（${actor.prefectureId ?? '—'}） / prefecture industry and IT authority (${actor.prefectureId ?? '—'})`;
    }
    case 'enterprise':
      return enterpriseName ? `${enterpriseName} / ${enterpriseName}` : null;
    case 'institution_staff':
      return '第三方评价机构 / third-party institution';
    case 'expert':
      return '评审专家 / expert';
    default:
      return null;
  }
}
