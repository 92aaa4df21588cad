import type { ExpertDetailV1, ExpertTieViewV1, ExpertViewV1 } from '@firstset/contracts';
import { LocalDate } from '@firstset/domain';
import { workSuspendedOn } from '../commissions/sanctions';
import { Expert, ExpertTie } from '../generated/prisma/client';

/** Qualified on `today` (M11.2: a disqualification has no end). */
export const qualifiedOn = (e: Pick<Expert, 'disqualifiedOn'>, today: LocalDate) => e.disqualifiedOn === null || e.disqualifiedOn > today;

/**
 * May be assigned on `today`: qualified, not suspended while a compliance case is heard (ADR
 * 0026), and marked available or back from an absence that ended.
 */
export const availableOn = (e: Pick<Expert, 'disqualifiedOn' | 'available' | 'unavailableUntil' | 'workSuspendedFrom' | 'workSuspensionCase'>, today: LocalDate) =>
  qualifiedOn(e, today) && !workSuspendedOn(e, today) && (e.available || (e.unavailableUntil !== null && e.unavailableUntil < today));

export function toExpertView(e: Expert, today: LocalDate): ExpertViewV1 {
  return {
    id: e.id,
    name: e.name,
    field: e.field,
    disqualifiedOn: e.disqualifiedOn,
    qualified: qualifiedOn(e, today),
    fieldCodes: e.fieldCodes,
    employerName: e.employerName,
    title: e.title,
    regionCode: e.regionCode,
    availableToday: availableOn(e, today),
    available: e.available,
    unavailableUntil: e.unavailableUntil,
    identityTail: e.identityTail,
    accountUsername: e.accountUsername,
    version: e.version,
  };
}

export const toTieView = (t: ExpertTie): ExpertTieViewV1 => ({
  id: t.id,
  kind: t.kind,
  counterpartyName: t.counterpartyName,
  counterpartyUscc: t.counterpartyUscc,
  from: t.from,
  until: t.until,
  note: t.note,
  declaredBy: t.declaredBy,
  declaredAt: t.declaredAt.toISOString(),
});

/** Everything the institution keeps about the expert, never the identity number (its last 4 characters only). */
export function toExpertDetail(e: Expert & { ties: ExpertTie[] }, today: LocalDate): ExpertDetailV1 {
  return {
    ...toExpertView(e, today),
    institutionId: e.institutionId,
    identityType: e.identityType,
    mobile: e.mobile,
    employerUscc: e.employerUscc,
    ties: [...e.ties].sort((a, b) => a.declaredAt.getTime() - b.declaredAt.getTime() || a.id.localeCompare(b.id)).map(toTieView),
  };
}
