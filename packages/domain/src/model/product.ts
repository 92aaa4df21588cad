/** The three kinds of product the Measures recognize (M2.1, M2.2). */
export const ProductKind = {
  FIRST_SET_EQUIPMENT: 'FIRST_SET_EQUIPMENT',
  FIRST_BATCH_COMPONENT: 'FIRST_BATCH_COMPONENT',
  FIRST_BATCH_MATERIAL: 'FIRST_BATCH_MATERIAL',
} as const;
export type ProductKind = (typeof ProductKind)[keyof typeof ProductKind];
export const PRODUCT_KINDS = Object.values(ProductKind) as ProductKind[];

export const PRODUCT_KIND_LABELS: Record<ProductKind, { zh: string; en: string }> = {
  FIRST_SET_EQUIPMENT: { zh: '技术装备首台（套）', en: 'first-set (unit) technical equipment' },
  FIRST_BATCH_COMPONENT: { zh: '关键零部件首批（次）', en: 'first-batch key component' },
  FIRST_BATCH_MATERIAL: { zh: '新材料首批（次）', en: 'first-batch new material' },
};

/** M2.1: first-set equipment comes as complete sets, single machines or key components. */
export const EQUIPMENT_FORMS = ['complete_set', 'single_machine', 'key_component'] as const;
export type EquipmentForm = (typeof EQUIPMENT_FORMS)[number];

/** A catalogue version an application was judged by (M4.2, M4.3). */
export interface CatalogueRef {
  id: string;
  version: string;
}

export interface Product {
  kind: ProductKind;
  nameZh: string;
  nameEn?: string;
  /** Series (系列) as printed on the nameplate / technical documents; see the M6.4 matching rule. */
  series: string;
  /** Model or grade (型号 / 牌号). */
  model: string;
  equipmentForm?: EquipmentForm;
  /** Scope entry and the catalogue version it was matched in. */
  scope: { catalogue: CatalogueRef; entryCode: string } | null;
}
