import { DomainError, isDomainError } from '@firstset/domain';
import { ServiceError } from '@firstset/messaging';

/**
 * A domain rule's refusal as a service error: its stable code, the Chinese message first and the
 * English after it, 422 unless the caller knows better (409 for a state conflict).
 */
export function fromDomainError(err: DomainError, status = 422): ServiceError {
  return new ServiceError(err.code, status, err.message, err.messageEn);
}

/** Runs a domain rule; its DomainError becomes a ServiceError, anything else passes through. */
export function domainRule<T>(rule: () => T, status = 422): T {
  try {
    return rule();
  } catch (err) {
    if (isDomainError(err)) throw fromDomainError(err, err.code === 'ILLEGAL_TRANSITION' ? 409 : status);
    throw err;
  }
}
