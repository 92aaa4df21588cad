import { randomUUID } from 'node:crypto';
import { ActorContext } from '@firstset/messaging';

/** Actors for tests: unique user ids by default, bound where their role needs it. */
export const actors = {
  department: (): ActorContext => ({ userId: randomUUID(), role: 'department_officer' }),
  auditor: (): ActorContext => ({ userId: randomUUID(), role: 'auditor' }),
  prefecture: (prefectureId: string): ActorContext => ({ userId: randomUUID(), role: 'prefecture_officer', prefectureId }),
  enterprise: (enterpriseUscc: string): ActorContext => ({ userId: randomUUID(), role: 'enterprise', enterpriseUscc }),
  institution: (institutionId: string): ActorContext => ({ userId: randomUUID(), role: 'institution_staff', institutionId }),
  expert: (expertId: string): ActorContext => ({ userId: randomUUID(), role: 'expert', expertId }),
};
