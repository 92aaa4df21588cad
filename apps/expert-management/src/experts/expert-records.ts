import type { ExpertFieldsV1, ExpertTieInputV1 } from '@firstset/contracts';
import { EXPERT_FIELD_CODES, LocalDate, normalizeUscc } from '@firstset/domain';
import { ExpertManagementErrors } from '../expert-management.errors';
import { Expert } from '../generated/prisma/client';
import { qualifiedOn } from './expert-view';

/**
 * The pool's columns from the form, checked against today: a disqualified expert (M11.2) is never
 * made available again, and an absence ends on a day still to come. Available clears the absence.
 */
export function expertColumns(input: ExpertFieldsV1, today: LocalDate, current?: Pick<Expert, 'disqualifiedOn'>) {
  if (current && !qualifiedOn(current, today) && input.available)
    throw ExpertManagementErrors.expertDisqualified(current.disqualifiedOn!);
  if (!input.available && input.unavailableUntil && input.unavailableUntil < today)
    throw ExpertManagementErrors.datesInvalid('unavailableUntil', '不可参加评审的截止日期已过', 'the last day of the absence has passed');
  return {
    name: input.name.trim(),
    mobile: input.mobile ?? null,
    employerName: input.employerName.trim(),
    employerUscc: input.employerUscc ? normalizeUscc(input.employerUscc) : null,
    title: input.title.trim(),
    fieldCodes: EXPERT_FIELD_CODES.filter((c) => input.fieldCodes.includes(c)),
    field: input.field.trim(),
    regionCode: input.regionCode ?? null,
    available: input.available,
    unavailableUntil: input.available ? null : (input.unavailableUntil ?? null),
  };
}

/** A declared tie's columns (M11.1): its period runs forward and has begun; the counterparty named. */
export function tieColumns(tie: ExpertTieInputV1, today: LocalDate, at: number) {
  const field = (f: string) => `ties.${at}.${f}`;
  if (tie.from && tie.from > today) throw ExpertManagementErrors.datesInvalid(field('from'), '关系起始日期不能晚于今天', 'a tie cannot start after today');
  if (tie.from && tie.until && tie.until < tie.from)
    throw ExpertManagementErrors.datesInvalid(field('until'), '关系结束日期早于起始日期', 'a tie cannot end before it starts');
  return {
    kind: tie.kind,
    counterpartyName: tie.counterpartyName.trim(),
    counterpartyUscc: tie.counterpartyUscc ? normalizeUscc(tie.counterpartyUscc) : null,
    from: tie.from ?? null,
    until: tie.until ?? null,
    note: tie.note?.trim() || null,
  };
}
