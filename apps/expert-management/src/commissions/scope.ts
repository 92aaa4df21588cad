/**
 * A commission's scope (M8.1): product kinds and M4.2 field codes, each list empty = all. A case
 * falls in a scope when its kind is covered and, if the scope names fields, its field is one of
 * them (a case without a field code falls only in scopes that name no field).
 */
export interface Scope {
  productKinds: string[];
  fieldCodes: string[];
}

export interface ScopedCase {
  productKind: string;
  fieldCode: string | null;
}

const covers = (list: readonly string[], value: string | null): boolean => list.length === 0 || (value !== null && list.includes(value));

export function inScope(scope: Scope, c: ScopedCase): boolean {
  return covers(scope.productKinds, c.productKind) && covers(scope.fieldCodes, c.fieldCode);
}

const meet = (a: readonly string[], b: readonly string[]): boolean => a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));

/** Two scopes overlap when some case could fall in both: their kinds meet and their fields meet. */
export function scopesOverlap(a: Scope, b: Scope): boolean {
  return meet(a.productKinds, b.productKinds) && meet(a.fieldCodes, b.fieldCodes);
}

/** The one open commission whose scope holds the case (open scopes of a batch never overlap). */
export function commissionFor<C extends Scope>(open: readonly C[], c: ScopedCase): C | undefined {
  return open.find((s) => inScope(s, c));
}

/** A scope as stored: sorted, without duplicates. */
export function normalizeScope(input: { productKinds?: readonly string[]; fieldCodes?: readonly string[] }): Scope {
  const norm = (l: readonly string[] | undefined) => [...new Set(l ?? [])].sort();
  return { productKinds: norm(input.productKinds), fieldCodes: norm(input.fieldCodes) };
}
