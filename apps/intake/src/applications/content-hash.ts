import { canonicalJson, canonicalSha256 } from '@firstset/messaging';

export { canonicalJson };

/**
 * The receipt's hash of a submitted version (form and file list with each file's SHA-256): over
 * canonical JSON, so anyone can recompute it from the stored version (PostgreSQL's jsonb does not
 * keep key order) and show that nothing changed since.
 */
export const contentSha256 = (snapshot: unknown): string => canonicalSha256(snapshot);
