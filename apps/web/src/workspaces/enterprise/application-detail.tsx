import { Button, Card, Descriptions, Flex, Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { PolicyProfileName, usePolicyProfiles } from '../../features/policy-profiles/policy-profiles';
import { ApplicationTimeline } from '../../features/timelines/application-timeline';
import { useRecognitionPdfs } from '../../features/issuing/use-recognition-pdfs';
import { $api } from '../../shared/api/query';
import type { ApplicationDraft } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { formatBeijing } from '../../shared/ui/beijing-time';
import { LoadState, queryState } from '../../shared/ui/states';
import { CorrectionRequestCard } from './correction-request';
import { ApplicantSiteVisits } from './site-visits-card';

function ApplicationFacts({ application: a }: { application: ApplicationDraft }) {
  const { t, tk } = useI18n();
  const profiles = usePolicyProfiles();
  return (
    <Descriptions column={2} bordered size="small">
      <Descriptions.Item label={t('application.no')}>{a.applicationNo}</Descriptions.Item>
      <Descriptions.Item label={t('application.state')}>
        <Tag color="processing" data-testid="application-state">{tk('state', a.state)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('application.productName')}>{a.productName}</Descriptions.Item>
      <Descriptions.Item label={t('application.productKind')}>{tk('productKind', a.productKind)}</Descriptions.Item>
      <Descriptions.Item label={t('application.series')}>{a.series}</Descriptions.Item>
      <Descriptions.Item label={t('application.model')}>{a.model}</Descriptions.Item>
      <Descriptions.Item label={t('application.rdCompletedOn')}>{a.rdCompletedOn}</Descriptions.Item>
      <Descriptions.Item label={t('application.submittedAt')}>{formatBeijing(a.submittedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('policy.profile')} span={2}>
        <PolicyProfileName id={a.policyProfile.id} version={a.policyProfile.version} profiles={profiles.data} />
      </Descriptions.Item>
    </Descriptions>
  );
}

/** One application: its fields, the way to the form (and its check before submitting) while a draft, and the status timeline. */
export function ApplicationDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const app = $api.useQuery('get', '/api/applications/{id}', { params: { path: { id } } });
  const a = app.data;
  const { certificatePdf, downloading } = useRecognitionPdfs();
  // M9.3: once recognized the certificate is the enterprise's to keep, whatever its later status.
  const certified = a && ['RECOGNIZED', 'EXPIRED', 'REVOKED'].includes(a.state);
  return (
    <LoadState {...queryState(app)} empty={!a} backTo="/enterprise/applications">
      {a && (
        <Flex vertical gap="large">
          <Card
            title={t('application.detail')}
            extra={
              <Space>
                <Button onClick={() => void navigate('/enterprise/applications')}>{t('common.back')}</Button>
                {(a.state === 'DRAFT' || a.state === 'RETURNED_FOR_CORRECTION') && <Button onClick={() => void navigate(`/enterprise/applications/${a.id}/edit`)}>{t('form.open')}</Button>}
                {/* Submitting goes through the form's last step, the pre-submission check. */}
                {a.state === 'DRAFT' && <Button type="primary" onClick={() => void navigate(`/enterprise/applications/${a.id}/edit?step=check`)}>{t('application.submit')}</Button>}
                {certified && (
                  <Button type="primary" loading={downloading === a.id} onClick={() => void certificatePdf(a.id)}>
                    {t('certificate.download')}
                  </Button>
                )}
              </Space>
            }
          >
            <ApplicationFacts application={a} />
          </Card>
          {a.correction && <CorrectionRequestCard application={a} correction={a.correction} />}
          <ApplicantSiteVisits applicationId={a.id} state={a.state} />
          <Card title={t('application.timeline')} extra={<Button onClick={() => void app.refetch()} loading={app.isRefetching}>{t('common.refresh')}</Button>}>
            <ApplicationTimeline history={a.history ?? []} />
          </Card>
        </Flex>
      )}
    </LoadState>
  );
}
