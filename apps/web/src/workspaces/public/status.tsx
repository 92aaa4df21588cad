import type { PublicRecognition } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { Tag, Tone } from './ui';

const TONE: Record<PublicRecognition['status'], Tone> = { valid: 'success', expired: 'default', revoked: 'error', not_yet_valid: 'processing' };

/** A recognition's status today, with the day it began (M13.2 expiry, M10.2 revocation); the console's is features/registry/status-tag. */
export function RecognitionStatus({ r }: { r: Pick<PublicRecognition, 'status' | 'statusSince'> }) {
  const { t, tk } = useI18n();
  const since = r.statusSince && (r.status === 'expired' || r.status === 'revoked') ? t(`registry.since.${r.status}`, { date: r.statusSince }) : null;
  return (
    <span>
      <Tag tone={TONE[r.status]}>{tk('registry.status', r.status)}</Tag>
      {since}
    </span>
  );
}
