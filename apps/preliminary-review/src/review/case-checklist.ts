import { INNER_MONGOLIA_DRAFT_PROFILE, materialsApplicability, ProductKind, SlotApplicability } from '@firstset/domain';
import { ReviewCase } from '../generated/prisma/client';

/** Materials whose issuer must be a qualified institution: the test report (M5.5), the novelty search (M7.4(5)). */
export const QUALIFIED_INSTITUTION_SLOTS: readonly string[] = ['testReport', 'noveltySearchReport'];

export interface CaseChecklistItem extends SlotApplicability {
  /** The condition was not declared (a submission from before declarations were sent): listed, to be confirmed. */
  conditionUnknown: boolean;
  qualifiedInstitutionRequired: boolean;
}

type Declared = { ipSharedBySeveralParties?: unknown; productionLicenceApplies?: unknown; cccApplies?: unknown };
const flag = (v: unknown) => (typeof v === 'boolean' ? v : undefined);

/**
 * The M7.4 checklist for a case, computed by the domain from the enterprise's own declarations
 * (M5.6: production licence and CCC; M7.4(4): shared IP). A slot declared not to apply is listed
 * as "not applicable, per the declaration" and takes no verdict; a condition never declared (an
 * older submission) keeps the slot, marked for the reviewer to confirm.
 */
export function caseChecklist(c: Pick<ReviewCase, 'productKind' | 'declarations'>): CaseChecklistItem[] {
  const d = (c.declarations ?? {}) as Declared;
  const items = materialsApplicability(
    {
      productKind: c.productKind as ProductKind,
      ipSharedBySeveralParties: flag(d.ipSharedBySeveralParties),
      productionLicenceApplies: flag(d.productionLicenceApplies),
      cccApplies: flag(d.cccApplies),
    },
    INNER_MONGOLIA_DRAFT_PROFILE,
  );
  return items.map((i) => ({
    ...i,
    conditionUnknown: i.basis === 'not_declared',
    qualifiedInstitutionRequired: QUALIFIED_INSTITUTION_SLOTS.includes(i.slotId),
  }));
}
