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

/** The declarations that decide the conditional slots; undefined = not declared yet. */
export interface MaterialsApplicabilityInput {
  productKind: ProductKind;
  ipSharedBySeveralParties?: boolean;
  productionLicenceApplies?: boolean;
  cccApplies?: boolean;
}

/** Why a slot is or is not on this application's list. */
export type SlotBasis = 'always' | 'optional' | 'declared_applies' | 'declared_not_applicable' | 'not_declared';

export interface SlotApplicability extends MaterialsChecklistItem {
  applies: boolean;
  basis: SlotBasis;
  reasonZh: string;
  reasonEn: string;
}

const DECLARED: Record<
  Exclude<MaterialCondition, 'always' | 'optional'>,
  { key: keyof Omit<MaterialsApplicabilityInput, 'productKind'>; yesZh: string; yesEn: string; noZh: string; noEn: string }
> = {
  ip_shared_by_several_parties: {
    key: 'ipSharedBySeveralParties',
    yesZh: '申报声明知识产权涉及多个单位',
    yesEn: 'declared: several parties share the IP',
    noZh: '申报声明知识产权不涉及多个单位',
    noEn: 'declared: no other party shares the IP',
  },
  production_licence_applies: {
    key: 'productionLicenceApplies',
    yesZh: '申报声明产品属于特殊行业生产许可管理',
    yesEn: 'declared: the product is under production licensing',
    noZh: '申报声明产品不属于特殊行业生产许可管理',
    noEn: 'declared: the product is not under production licensing',
  },
  ccc_applies: {
    key: 'cccApplies',
    yesZh: '申报声明产品属于强制性产品认证目录',
    yesEn: 'declared: the product is under compulsory certification',
    noZh: '申报声明产品不属于强制性产品认证目录',
    noEn: 'declared: the product is not under compulsory certification',
  },
};

/**
 * M7.4, M5.6: every slot of the profile with whether it applies to this application and why. A
 * conditional slot follows the enterprise's own declaration (the production licence and CCC only
 * where M5.6 applies, the IP contracts only where several parties share the IP); a condition not
 * yet declared keeps the slot, to be verified.
 */
export function materialsApplicability(
  application: MaterialsApplicabilityInput,
  profile: Pick<PolicyProfile, 'materials'>,
): SlotApplicability[] {
  return profile.materials.map((m) => {
    const name = m.nameByKind?.[application.productKind];
    const base = {
      slotId: m.slotId,
      item: m.item,
      nameZh: name?.zh ?? m.nameZh,
      nameEn: name?.en ?? m.nameEn,
      required: m.condition !== 'optional',
      condition: m.condition,
      measuresIds: m.measuresIds,
    };
    if (m.condition === 'always')
      return { ...base, applies: true, basis: 'always' as const, reasonZh: '必须提交', reasonEn: 'always required' };
    if (m.condition === 'optional')
      return { ...base, applies: true, basis: 'optional' as const, reasonZh: '选择提交', reasonEn: 'optional' };
    const rule = DECLARED[m.condition];
    const declared = application[rule.key];
    if (declared === true)
      return { ...base, applies: true, basis: 'declared_applies' as const, reasonZh: `必须提交（${rule.yesZh}）`, reasonEn: `required (${rule.yesEn})` };
    if (declared === false)
      return {
        ...base,
        applies: false,
        required: false,
        basis: 'declared_not_applicable' as const,
        reasonZh: `不适用（依申报声明）：${rule.noZh}`,
        reasonEn: `Not applicable, per the declaration: ${rule.noEn}`,
      };
    return {
      ...base,
      applies: true,
      basis: 'not_declared' as const,
      reasonZh: '是否适用待核实（企业未申报）',
      reasonEn: 'Whether it applies is to be verified (not declared)',
    };
  });
}
