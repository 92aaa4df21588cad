import { useEffect, useState } from 'react';
import { canonicalListContent, type FrozenListEntry } from '@firstset/domain';
import type { PublicNotice } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert, CopyButton } from './ui';

type Check = 'checking' | 'ok' | 'bad' | 'unavailable';

/** SHA-256 (hex) of a text, computed in the browser. */
async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const TONE = { checking: 'info', ok: 'success', bad: 'error', unavailable: 'info' } as const;

/**
 * The list's hash and its recomputation in the reader's browser over the same canonical text the
 * service hashed at the decision (M9.1, M9.2): what is shown is what was decided. The outcome is
 * announced (role=status) when the check ends.
 */
export function NoticeHash({ notice }: { notice: PublicNotice }) {
  const { t } = useI18n();
  // SubtleCrypto exists only in secure contexts (https, localhost).
  const [check, setCheck] = useState<Check>(globalThis.crypto?.subtle ? 'checking' : 'unavailable');
  useEffect(() => {
    if (!globalThis.crypto?.subtle) return;
    let live = true;
    const text = canonicalListContent({ batchId: notice.batchId, decidedOn: notice.decidedOn, entries: notice.entries as FrozenListEntry[] });
    sha256Hex(text).then(
      (hex) => live && setCheck(hex === notice.contentHash ? 'ok' : 'bad'),
      () => live && setCheck('unavailable'),
    );
    return () => {
      live = false;
    };
  }, [notice]);
  return (
    <Alert tone={TONE[check]} live="status" title={t(`notice.hash.${check}`)}>
      <p>
        {t('notice.hash')}：<code data-testid="notice-hash">{notice.contentHash}</code> <CopyButton text={notice.contentHash} />
      </p>
      <p className="pub-secondary">{t('notice.hash.explain')}</p>
    </Alert>
  );
}
