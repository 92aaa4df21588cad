import { createHmac } from 'node:crypto';
import { checkIdentityDocument, IdentityType } from '@firstset/domain';
import { ExpertManagementErrors } from '../expert-management.errors';

export const IDENTITY_KEY = Symbol('IDENTITY_KEY');

/** The keyed hash that stands for an identity document: the same person is found twice in a pool, the number is never kept. */
export function identityHash(key: string, type: IdentityType, normalized: string): string {
  return createHmac('sha256', key).update(`${type}:${normalized}`).digest('hex');
}

/** A checked identity document as the pool stores it: type, keyed hash, last 4 characters. Refuses a bad number (422). */
export function keyedIdentity(key: string, type: IdentityType, raw: string): { identityType: IdentityType; identityHash: string; identityTail: string } {
  const checked = checkIdentityDocument(type, raw);
  if (!checked.valid) throw ExpertManagementErrors.identityInvalid(checked.messageZh, checked.messageEn);
  return { identityType: type, identityHash: identityHash(key, type, checked.normalized), identityTail: checked.tail };
}
