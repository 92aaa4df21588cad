import type { PublicRecognition } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { STATUS_TONE, statusSince } from '../../features/registry/recognition-status';
import { Tag } from './ui';

/** A recognition's status today, with the day it began (M13.2 expiry, M10.2 revocation); the console's is features/registry/status-tag. */
export function RecognitionStatus({ r }: { r: Pick<PublicRecognition, 'status' | 'statusSince'> }) {
  const { t, tk } = useI18n();
  return (
    <span>
      <Tag tone={STATUS_TONE[r.status]}>{tk('registry.status', r.status)}</Tag>
      {statusSince(r, t)}
    </span>
  );
}
