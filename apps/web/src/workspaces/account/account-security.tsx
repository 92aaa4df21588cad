import { Alert, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { HOME } from '../../app/routes';
import { $api } from '../../shared/api/query';
import type { LoginResult } from '../../shared/api/views';
import { useSession } from '../../shared/auth/session';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadState, queryState } from '../../shared/ui/states';
import { PasswordCard } from './password-card';
import { TotpCard } from './totp-card';

/**
 * The signed-in account's security, for every role (issue 14): the password, and the second
 * factor. An account with a step pending (a first password, a second factor its role requires)
 * is brought here before anything else, and goes on to its workspace once done. Each command
 * invalidates `/api/auth/security`, which refreshes what this page shows.
 */
export function AccountSecurityPage() {
  const { t } = useI18n();
  const { adopt, pending } = useSession();
  const navigate = useNavigate();
  const security = $api.useQuery('get', '/api/auth/security');
  const onSession = async (result: LoginResult) => {
    // Held here by a pending step and now free: on to the workspace.
    const wasHeld = pending.length > 0;
    adopt(result);
    if (wasHeld && result.pending.length === 0) await navigate(HOME, { replace: true });
  };
  return (
    <Flex vertical gap="large">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('account.title')}</Typography.Title>
      <LoadState {...queryState(security)}>
        {security.data && (
          <>
            {security.data.pending.length > 0 && <Alert type="info" showIcon title={t('account.pending')} data-testid="pending-steps" />}
            <PasswordCard forced={security.data.mustChangePassword} onChanged={onSession} />
            <TotpCard security={security.data} onSession={onSession} />
          </>
        )}
      </LoadState>
    </Flex>
  );
}
