import { ProductKind } from '../model/product';
import { MaterialCondition, MaterialSlotId } from '../policy/material-requirement';
import { PolicyProfile } from '../policy/policy-profile';

export interface MaterialsChecklistInput {
  productKind: ProductKind;
  /** M7.4(4): several parties share the product's IP (transfer, licence, joint development…). */
  ipSharedBySeveralParties: boolean;
  /** M5.6: the product is under special-industry production licensing. */
  productionLicenceApplies: boolean;
  /** M5.6: the product is under compulsory certification (CCC). */
  cccApplies: boolean;
}

export interface MaterialsChecklistItem {
  slotId: MaterialSlotId;
  /** The numbered item (1–8) of M7.4. */
  item: number;
  nameZh: string;
  nameEn: string;
  required: boolean;
  /** Why the slot is in the list (always, optional, or the condition that made it apply). */
  condition: MaterialCondition;
  measuresIds: readonly string[];
}

function applies(condition: MaterialCondition, input: MaterialsChecklistInput): boolean {
  switch (condition) {
    case 'ip_shared_by_several_parties':
      return input.ipSharedBySeveralParties;
    case 'production_licence_applies':
      return input.productionLicenceApplies;
    case 'ccc_applies':
      return input.cccApplies;
    default:
      return true;
  }
}

/**
 * M7.4: the upload slots for one application under its profile. Conditional slots appear only
 * when their condition holds; 'optional' slots (item 8) appear with required = false.
 */
export function materialsChecklist(
  application: MaterialsChecklistInput,
  profile: Pick<PolicyProfile, 'materials'>,
): MaterialsChecklistItem[] {
  return profile.materials
    .filter((m) => applies(m.condition, application))
    .map((m) => {
      const name = m.nameByKind?.[application.productKind];
      return {
        slotId: m.slotId,
        item: m.item,
        nameZh: name?.zh ?? m.nameZh,
        nameEn: name?.en ?? m.nameEn,
        required: m.condition !== 'optional',
        condition: m.condition,
        measuresIds: m.measuresIds,
      };
    });
}

/** M7.4: required slots with nothing attached (the submit guard `requiredMaterialsAttached`). */
export function missingRequiredMaterials(
  checklist: readonly MaterialsChecklistItem[],
  attachedSlots: Iterable<MaterialSlotId>,
): MaterialsChecklistItem[] {
  const attached = new Set(attachedSlots);
  return checklist.filter((i) => i.required && !attached.has(i.slotId));
}
