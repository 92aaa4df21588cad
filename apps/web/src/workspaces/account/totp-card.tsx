import { Alert, App, Button, Card, Tag, theme, Typography } from 'antd';
import { $api } from '../../shared/api/query';
import type { AccountSecurity, LoginResult } from '../../shared/api/views';
import { useI18n } from '../../shared/i18n/i18n';
import { showProblem } from '../../shared/ui/problem-form';
import { TotpConfirm, TotpDisable } from './totp-forms';

/** The second factor: enrol (a secret to type into an authenticator app, confirmed with a code) or turn it off. */
export function TotpCard({ security, onSession }: { security: AccountSecurity; onSession(result: LoginResult): Promise<void> }) {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  // The enrolment is the command's answer, shown until confirmed (then reset); never cached as a read.
  const enrol = $api.useMutation('post', '/api/auth/totp/enrol');
  const start = async () => {
    try {
      await enrol.mutateAsync({});
    } catch (err) {
      showProblem(err, title, message);
    }
  };
  const enrolment = security.totpEnabled ? undefined : enrol.data;
  return (
    <Card
      title={t('account.totp.title')}
      data-testid="totp-card"
      extra={security.totpEnabled ? <Tag color="green">{t('account.totp.on')}</Tag> : <Tag>{t('account.totp.off')}</Tag>}
    >
      {security.pending.includes('totp_enrolment') && <Alert type="warning" showIcon style={{ marginBottom: token.marginMD }} title={t('account.totp.required')} />}
      <Typography.Paragraph type="secondary">{t('account.totp.help')}</Typography.Paragraph>
      {!security.totpEnabled && !enrolment && (
        <Button type="primary" onClick={() => void start()} loading={enrol.isPending}>{t('account.totp.start')}</Button>
      )}
      {enrolment && (
        <TotpConfirm
          enrolment={enrolment}
          onEnabled={async (result) => {
            enrol.reset();
            await onSession(result);
          }}
        />
      )}
      {security.totpEnabled && !security.totpRequired && <TotpDisable />}
      {security.totpEnabled && security.totpRequired && <Typography.Text type="secondary">{t('account.totp.requiredKeep')}</Typography.Text>}
    </Card>
  );
}
