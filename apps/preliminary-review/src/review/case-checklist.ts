import { materialsApplicability, PolicyProfileRegistry, ProductKind, SlotApplicability } from '@firstset/domain';
import { ReviewCase } from '../generated/prisma/client';
import { declarationsOf } from './case-conditions';

/** Materials whose issuer must be a qualified institution: the test report (M5.5), the novelty search (M7.4(5)). */
export const QUALIFIED_INSTITUTION_SLOTS: readonly string[] = ['testReport', 'noveltySearchReport'];

export interface CaseChecklistItem extends SlotApplicability {
  /** The condition was not declared (an older event carries no declarations): listed, to be confirmed. */
  conditionUnknown: boolean;
  qualifiedInstitutionRequired: boolean;
}

/**
 * The M7.4 checklist for a case, computed by the domain from the materials list of the case's
 * batch profile (M15) and the enterprise's own declarations (M5.6: production licence and CCC;
 * M7.4(4): shared IP). A slot declared not to apply is listed as "not applicable, per the
 * declaration" and takes no verdict; a condition never declared (an older event) keeps the slot,
 * marked for the reviewer to confirm, never silently dropped.
 */
export function caseChecklist(
  c: Pick<ReviewCase, 'productKind' | 'declarations' | 'policyProfileId' | 'policyProfileVersion'>,
  profiles: PolicyProfileRegistry,
): CaseChecklistItem[] {
  const d = declarationsOf(c);
  const items = materialsApplicability(
    {
      productKind: c.productKind as ProductKind,
      ipSharedBySeveralParties: d.ipSharedBySeveralParties,
      productionLicenceApplies: d.productionLicenceApplies,
      cccApplies: d.cccApplies,
    },
    profiles.resolve({ id: c.policyProfileId, version: c.policyProfileVersion }),
  );
  return items.map((i) => ({
    ...i,
    conditionUnknown: i.basis === 'not_declared',
    qualifiedInstitutionRequired: QUALIFIED_INSTITUTION_SLOTS.includes(i.slotId),
  }));
}
