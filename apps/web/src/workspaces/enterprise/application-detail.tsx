import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { api, unwrap } from '../../shared/api/client';
import type { ApplicationDraft } from '../../shared/api/views';
import { ApplicationTimeline } from '../../features/timelines/application-timeline';
import { PolicyProfileName, usePolicyProfiles } from '../../features/policy-profiles/policy-profiles';
import { LoadState } from '../../shared/ui/states';
import { useLoad } from '../../shared/hooks/use-load';
import { useI18n } from '../../shared/i18n/i18n';
import { useNavigate } from 'react-router';
import { CorrectionRequestCard } from './correction-request';
import { formatBeijing } from '../../shared/ui/beijing-time';

/** One application: its fields, the way to the form (and its check before submitting) while a draft, and the status timeline. */
export function ApplicationDetailPage({ id }: { id: string }) {
  const { t, tk } = useI18n();
  const navigate = useNavigate();
  const app = useLoad(() => unwrap<ApplicationDraft>(api.GET('/api/applications/{id}', { params: { path: { id } } })), [id]);
  const a = app.data;
  const profiles = usePolicyProfiles();
  const state = (s: string) => tk('state', s);
  return (
    <LoadState loading={app.loading} error={app.error} empty={!a} onRetry={app.reload} backTo="/enterprise/applications">
      {a && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Card
            title={t('application.detail')}
            extra={
              <Space>
                <Button onClick={() => navigate('/enterprise/applications')}>{t('common.back')}</Button>
                {(a.state === 'DRAFT' || a.state === 'RETURNED_FOR_CORRECTION') && <Button onClick={() => navigate(`/enterprise/applications/${a.id}/edit`)}>{t('form.open')}</Button>}
                {/* Submitting goes through the form's last step, the pre-submission check. */}
                {a.state === 'DRAFT' && <Button type="primary" onClick={() => navigate(`/enterprise/applications/${a.id}/edit?step=check`)}>{t('application.submit')}</Button>}
              </Space>
            }
          >
            <Descriptions column={2} bordered size="small">
              <Descriptions.Item label={t('application.no')}>{a.applicationNo}</Descriptions.Item>
              <Descriptions.Item label={t('application.state')}>
                <Tag color="processing" data-testid="application-state">{state(a.state)}</Tag>
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
          </Card>
          {a.correction && <CorrectionRequestCard application={a} />}
          <Card title={t('application.timeline')} extra={<Button onClick={app.reload}>{t('common.refresh')}</Button>}>
            <ApplicationTimeline history={a.history ?? []} />
          </Card>
        </Space>
      )}
    </LoadState>
  );
}
