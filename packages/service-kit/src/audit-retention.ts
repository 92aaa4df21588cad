/**
 * The least retention of audit records the platform accepts (ADR 0028): six months, the floor the
 * Cybersecurity Law (Art. 21(3)) sets for network logs. A service refuses to start with less.
 */
export const MIN_AUDIT_RETENTION_MONTHS = 6;
