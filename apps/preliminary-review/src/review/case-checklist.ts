import { MaterialsChecklistItem, materialsChecklist, PolicyProfileRegistry, ProductKind } from '@firstset/domain';
import { ReviewCase } from '../generated/prisma/client';
import { declarationsOf } from './case-conditions';

/** Materials whose issuer must be a qualified institution: the test report (M5.5), the novelty search (M7.4(5)). */
export const QUALIFIED_INSTITUTION_SLOTS: readonly string[] = ['testReport', 'noveltySearchReport'];

export interface CaseChecklistItem extends MaterialsChecklistItem {
  /** The condition is not known from what intake sends: the slot is listed, to be confirmed. */
  conditionUnknown: boolean;
  qualifiedInstitutionRequired: boolean;
}

/**
 * The M7.4 checklist for a case, computed by the domain from the enterprise's declarations (M5.6
 * production licence and CCC, M7.4(4) shared IP). A condition the enterprise did not declare (an
 * older event carries no declarations) takes the conservative default: the slot is listed and
 * marked for the reviewer to confirm, never silently dropped.
 */
export function caseChecklist(
  c: Pick<ReviewCase, 'productKind' | 'declarations' | 'policyProfileId' | 'policyProfileVersion'>,
  profiles: PolicyProfileRegistry,
): CaseChecklistItem[] {
  const d = declarationsOf(c);
  const known = { ip_shared_by_several_parties: d.ipSharedBySeveralParties, production_licence_applies: d.productionLicenceApplies, ccc_applies: d.cccApplies } as Record<string, boolean | undefined>;
  const items = materialsChecklist(
    {
      productKind: c.productKind as ProductKind,
      ipSharedBySeveralParties: d.ipSharedBySeveralParties ?? true,
      productionLicenceApplies: d.productionLicenceApplies ?? true,
      cccApplies: d.cccApplies ?? true,
    },
    // M15: the materials list of the case's own batch profile.
    profiles.resolve({ id: c.policyProfileId, version: c.policyProfileVersion }),
  );
  return items.map((i) => ({
    ...i,
    conditionUnknown: i.condition !== 'always' && i.condition !== 'optional' && known[i.condition] === undefined,
    qualifiedInstitutionRequired: QUALIFIED_INSTITUTION_SLOTS.includes(i.slotId),
  }));
}
