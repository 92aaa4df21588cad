import type { PublicityViewV1 } from '@firstset/contracts';
import { Publicity } from '../generated/prisma/client';

export type PublicityView = PublicityViewV1;

export function toPublicityView(p: Publicity): PublicityView {
  return {
    id: p.id,
    decisionListId: p.decisionListId,
    publicationDate: p.publicationDate,
    startDate: p.startDate,
    endDate: p.endDate,
    workingDays: p.workingDays,
    endsAt: p.endsAt.toISOString(),
    countingRule: { zh: p.ruleZh, en: p.ruleEn },
    status: p.status,
  };
}
