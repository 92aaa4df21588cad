import { Card, Descriptions, Typography } from 'antd';
import { useSession } from '../../shared/auth/session';
import { prefectureName } from '../../shared/ui/prefectures';
import { useI18n } from '../../shared/i18n/i18n';

export function HomePage() {
  const { t, tk, locale } = useI18n();
  const { actor } = useSession();
  if (!actor) return null;
  return (
    <Card>
      <Typography.Title level={3}>{t('home.welcome', { name: actor.displayName ?? actor.userId })}</Typography.Title>
      <Descriptions column={1}>
        <Descriptions.Item label={t('app.workspace')}>{t('home.role', { role: tk('role', actor.role) })}</Descriptions.Item>
        {actor.prefectureId && <Descriptions.Item label={t('progress.prefecture')}>{prefectureName(actor.prefectureId, locale)}</Descriptions.Item>}
        {actor.enterpriseUscc && <Descriptions.Item label={t('role.enterprise')}>{t('home.jurisdiction.enterprise', { uscc: actor.enterpriseUscc })}</Descriptions.Item>}
      </Descriptions>
      <Typography.Paragraph type="secondary">{t('home.pending')}</Typography.Paragraph>
    </Card>
  );
}
