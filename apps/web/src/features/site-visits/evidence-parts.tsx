import { Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { EVIDENCE_ACCEPT, useEvidenceDownload, useEvidenceUpload } from './evidence';
import type { SiteEvidence } from './types';

/** The files of a finding or an answer, each a download link. */
export function EvidenceLinks({ visitId, findingId, files }: { visitId: string; findingId: string; files: SiteEvidence[] }) {
  const { t } = useI18n();
  const download = useEvidenceDownload();
  if (files.length === 0) return <Typography.Text type="secondary">{t('siteVisit.finding.evidence.none')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {files.map((e) => (
        <Button key={e.id} type="link" size="small" style={{ padding: 0 }} data-testid="evidence" onClick={() => void download(visitId, findingId, e)}>
          {e.fileName}
        </Button>
      ))}
    </Space>
  );
}

/** The limits of the files a finding takes (20 MiB each, 20 a finding, JPEG, PNG or PDF). */
export function EvidenceHelp() {
  const { t } = useI18n();
  return <Typography.Text type="secondary">{t('siteVisit.evidence.help')}</Typography.Text>;
}

/** Picks a photo or PDF and streams it to the finding (the gateway decides the type by content). */
export function EvidenceUploadButton({ visitId, findingId }: { visitId: string; findingId: string }) {
  const { t } = useI18n();
  const upload = useEvidenceUpload();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      accept={EVIDENCE_ACCEPT}
      showUploadList={false}
      beforeUpload={(file) => {
        setBusy(true);
        void upload(visitId, findingId, file).finally(() => setBusy(false));
        return false;
      }}
    >
      <Button size="small" loading={busy} data-testid="evidence-upload">
        {t('siteVisit.evidence.upload')}
      </Button>
    </Upload>
  );
}
