import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { $api } from '../../shared/api/query';
import { useSession } from '../../shared/auth/session';
import { prefectureName } from '../../shared/ui/prefectures';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';
import { WorkCards } from './work-cards';

/**
 * Every role's home: who is signed in, and what waits for them (ADR 0030), each count linking
 * to the list that shows those items.
 */
export function HomePage() {
  const { t, tk, locale } = useI18n();
  const { actor } = useSession();
  const home = $api.useQuery('get', '/api/workspace/home', {}, { enabled: !!actor });
  if (!actor) return null;
  return (
    <Flex vertical gap="middle">
      <Card>
        <Typography.Title level={3}>{t('home.welcome', { name: actor.displayName ?? actor.userId })}</Typography.Title>
        <Descriptions column={1}>
          <Descriptions.Item label={t('app.workspace')}>{t('home.role', { role: tk('role', actor.role) })}</Descriptions.Item>
          {actor.prefectureId && <Descriptions.Item label={t('progress.prefecture')}>{prefectureName(actor.prefectureId, locale)}</Descriptions.Item>}
          {actor.enterpriseUscc && <Descriptions.Item label={t('role.enterprise')}>{t('home.jurisdiction.enterprise', { uscc: actor.enterpriseUscc })}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card
        title={t('home.todo')}
        extra={
          <Button onClick={() => void home.refetch()} loading={home.isFetching && !home.isPending}>
            {t('common.refresh')}
          </Button>
        }
      >
        {actor.role === 'auditor' && <Typography.Paragraph type="secondary">{t('home.readOnly')}</Typography.Paragraph>}
        <LoadState {...queryState(home)}>{home.data && <WorkCards sections={home.data.sections} />}</LoadState>
      </Card>
    </Flex>
  );
}
