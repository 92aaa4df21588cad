import type { PendingStepV1 } from '@firstset/contracts';
import type { ActorContext } from '@firstset/messaging';
import type { GatewayConfig } from '../config';

interface AccountFacts {
  id: string;
  role: string;
  displayName: string;
  prefectureId: string | null;
  enterpriseUscc: string | null;
  institutionId: string | null;
  expertId: string | null;
  mustChangePassword: boolean;
  totpSecret: string | null;
}

/** What the account must do before anything else: a password of its own, a second factor its role requires. */
export function pendingSteps(account: AccountFacts, config: Pick<GatewayConfig, 'requireTotpFor'>): PendingStepV1[] {
  const pending: PendingStepV1[] = [];
  if (account.mustChangePassword) pending.push('password_change');
  if (!account.totpSecret && config.requireTotpFor.includes(account.role)) pending.push('totp_enrolment');
  return pending;
}

/** The actor a token carries: the account's role and the one jurisdiction it binds to. */
export function actorOf(account: AccountFacts): ActorContext {
  return {
    userId: account.id,
    role: account.role,
    displayName: account.displayName,
    ...(account.prefectureId ? { prefectureId: account.prefectureId } : {}),
    ...(account.enterpriseUscc ? { enterpriseUscc: account.enterpriseUscc } : {}),
    ...(account.institutionId ? { institutionId: account.institutionId } : {}),
    ...(account.expertId ? { expertId: account.expertId } : {}),
  } as ActorContext;
}
