import { Alert, Button, Card, List, theme, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useItemLabel } from '../../features/application-viewer/item-label';
import { $api } from '../../shared/api/query';
import type { ApplicationDraft } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';

/**
 * The last request for correction on the enterprise's application (M7.3): each item with the
 * prefecture's reason and the enterprise's answer, the deadline, and the way to the form.
 */
export function CorrectionRequestCard({ application, correction }: { application: ApplicationDraft; correction: NonNullable<ApplicationDraft['correction']> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const open = application.state === 'RETURNED_FOR_CORRECTION';
  // The checklist names the material slots an item may refer to.
  const check = $api.useQuery('get', '/api/applications/{id}/check', { params: { path: { id: application.id } } });
  const label = useItemLabel(check.data?.materials ?? []);
  const answers = new Map((correction.answers ?? []).map((a) => [a.item, a.answer]));
  return (
    <Card
      title={t('form.correction.request')}
      data-testid="correction-request"
      extra={open && <Button type="primary" onClick={() => void navigate(`/enterprise/applications/${application.id}/edit`)}>{t('form.correction.answerNow')}</Button>}
    >
      {open && <Alert type="warning" showIcon style={{ marginBottom: token.marginSM }} title={t('form.correction.deadline', { deadline: correction.deadline })} />}
      <List
        size="small"
        dataSource={correction.items}
        renderItem={(i, n) => {
          const answer = answers.get(i.item);
          return (
            <List.Item>
              <div>
                <Typography.Text strong>{t('form.correction.item', { n: n + 1, item: label(i.item) })}</Typography.Text>
                <div>{t('form.correction.reason', { reason: i.reason })}</div>
                <Typography.Text type={answer ? 'success' : 'secondary'}>{answer ? t('form.correction.answered', { answer }) : t('form.correction.unanswered')}</Typography.Text>
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
