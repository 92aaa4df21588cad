import { Button, Result, Space } from 'antd';
import { useNavigate } from 'react-router';
import { useSession } from '../shared/auth/session';
import { useI18n } from '../shared/i18n/i18n';

/** An unknown path, signed in or not: said so, with the ways on (never a silent redirect). */
export function NotFound() {
  const { t } = useI18n();
  const { actor } = useSession();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      subTitle={t('common.notFound.hint')}
      extra={
        <Space>
          <Button type="primary" onClick={() => navigate('/')}>{t('common.backHome')}</Button>
          {!actor && <Button onClick={() => navigate('/login')}>{t('app.signIn')}</Button>}
        </Space>
      }
    />
  );
}
