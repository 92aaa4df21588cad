import { Publicity } from '../generated/prisma/client';

export interface PublicityView {
  id: string;
  decisionListId: string;
  publicationDate: string;
  /** Working day 1 and the last working day of the publicity, both included (M9.2). */
  startDate: string;
  endDate: string;
  workingDays: number;
  /** The instant the publicity is over: 00:00 China time the day after endDate. */
  endsAt: string;
  countingRule: { zh: string; en: string };
  status: string;
}

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
