import { MaterialsChecklistItem, materialsChecklist, PolicyProfileRegistry, ProductKind } from '@firstset/domain';
import { ReviewCase } from '../generated/prisma/client';

/** Materials whose issuer must be a qualified institution: the test report (M5.5), the novelty search (M7.4(5)). */
export const QUALIFIED_INSTITUTION_SLOTS: readonly string[] = ['testReport', 'noveltySearchReport'];

export interface CaseChecklistItem extends MaterialsChecklistItem {
  /** The condition is not known from what intake sends: the slot is listed, to be confirmed. */
  conditionUnknown: boolean;
  qualifiedInstitutionRequired: boolean;
}

/**
 * The M7.4 checklist for a case, computed by the domain. Intake's events do not carry the M5.6 and
 * M7.4(4) facts (production licence, CCC, shared IP), so the conservative default applies: the
 * conditional slots are listed and marked for the reviewer to confirm, never silently dropped.
 */
export function caseChecklist(
  c: Pick<ReviewCase, 'productKind' | 'policyProfileId' | 'policyProfileVersion'>,
  profiles: PolicyProfileRegistry,
): CaseChecklistItem[] {
  const items = materialsChecklist(
    { productKind: c.productKind as ProductKind, ipSharedBySeveralParties: true, productionLicenceApplies: true, cccApplies: true },
    // M15: the materials list of the case's own batch profile.
    profiles.resolve({ id: c.policyProfileId, version: c.policyProfileVersion }),
  );
  return items.map((i) => ({
    ...i,
    conditionUnknown: i.condition !== 'always' && i.condition !== 'optional',
    qualifiedInstitutionRequired: QUALIFIED_INSTITUTION_SLOTS.includes(i.slotId),
  }));
}
