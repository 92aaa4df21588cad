import { ActorContext, MessageMeta, ServiceError } from '@firstset/messaging';
import type { RoleName } from '@firstset/contracts';

/**
 * Authorization inside the owning service, on the actor context the gateway signed into the
 * message headers: the gateway's checks are a first line, never the only one.
 */
export function requireActor(meta: MessageMeta, roles: readonly RoleName[]): ActorContext {
  const actor = meta.actor;
  if (!actor) throw new ServiceError('UNAUTHENTICATED', 401, '需要登录 / Authentication required');
  if (!roles.includes(actor.role as RoleName)) {
    throw new ServiceError(
      'FORBIDDEN_ROLE',
      403,
      '当前角色无权执行此操作 / Your role may not do this',
      `role ${actor.role} is not one of ${roles.join(', ')}`,
    );
  }
  if (actor.role === 'prefecture_officer' && !actor.prefectureId) {
    throw new ServiceError('NO_JURISDICTION', 403, '账号未绑定盟市 / Account is not bound to a prefecture');
  }
  if (actor.role === 'enterprise' && !actor.enterpriseUscc) {
    throw new ServiceError('NO_JURISDICTION', 403, '账号未绑定企业 / Account is not bound to an enterprise');
  }
  return actor;
}

/** The jurisdiction an actor is bound to, as recorded in audit records. */
export function jurisdictionOf(actor: ActorContext | undefined): string | null {
  if (!actor) return null;
  if (actor.prefectureId) return `prefecture:${actor.prefectureId}`;
  if (actor.enterpriseUscc) return `enterprise:${actor.enterpriseUscc}`;
  if (actor.institutionId) return `institution:${actor.institutionId}`;
  if (actor.expertId) return `expert:${actor.expertId}`;
  if (actor.role === 'department_officer' || actor.role === 'auditor') return 'region';
  return null;
}

/** Not found and not yours look the same from outside: no probing for other prefectures' ids. */
export const notFound = (what: string) =>
  new ServiceError('NOT_FOUND', 404, '未找到 / Not found', `${what} does not exist or is not within your jurisdiction`);
