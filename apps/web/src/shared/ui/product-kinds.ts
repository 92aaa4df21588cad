import { PRODUCT_KINDS as KINDS, type ProductKind } from '@firstset/domain';

export type { ProductKind };

/** The three kinds of product the Measures recognize (M2.1, M2.2), in the order forms and filters list them. */
export const PRODUCT_KINDS: readonly ProductKind[] = KINDS;
