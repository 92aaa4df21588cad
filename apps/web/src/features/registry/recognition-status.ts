import type { PublicRecognition } from '../../shared/api/views';
import type { useI18n } from '../../shared/i18n/i18n';

type Recognition = Pick<PublicRecognition, 'status' | 'statusSince'>;

/**
 * What a recognition's status shows, with or without antd (the public pages load none): the tag's
 * tone, named as antd's Tag colours are, and the day the status began (M13.2 expiry, M10.2 revocation).
 */
export const STATUS_TONE = { valid: 'success', expired: 'default', revoked: 'error', not_yet_valid: 'processing' } as const satisfies Record<PublicRecognition['status'], string>;

export function statusSince(r: Recognition, t: ReturnType<typeof useI18n>['t']): string | null {
  return r.statusSince && (r.status === 'expired' || r.status === 'revoked') ? t(`registry.since.${r.status}`, { date: r.statusSince }) : null;
}
