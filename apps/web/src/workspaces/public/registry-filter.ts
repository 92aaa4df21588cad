import type { PublicRecognition } from '../../shared/api/views';

/** The registry's words, kind and page, in the URL (useSearchState): a reload or a shared link shows the same. */
export const REGISTRY_DEFAULTS = { q: undefined as string | undefined, kind: undefined as string | undefined, page: 1, pageSize: 20 };

/** What the visitor narrowed the registry to: words in the enterprise, product or model, and a kind. */
export interface RegistryFilter {
  q?: string;
  kind?: string;
}

/** The registry is public and small, answered whole: it is filtered here (case-insensitively). */
export function filterRecognitions(list: readonly PublicRecognition[], { q, kind }: RegistryFilter): PublicRecognition[] {
  const words = (q ?? '').trim().toLowerCase();
  return list.filter(
    (x) =>
      (!kind || x.product.kind === kind) &&
      (!words || [x.enterpriseName, x.product.name, x.product.model].some((s) => s.toLowerCase().includes(words))),
  );
}
