import { Alert, Flex } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useI18n } from '../shared/i18n/i18n';
import { useSession } from '../shared/auth/session';
import { NotFound } from './not-found';
import { SECURITY, Workspace } from './routes';

/** The auditor's view of the Department's workspace: the same pages, said to be read only. */
function AuditorView() {
  const { t } = useI18n();
  return (
    <Flex vertical gap="middle">
      <Alert type="info" showIcon title={t('workspace.auditor.readOnly')} data-testid="auditor-read-only" />
      <Outlet />
    </Flex>
  );
}

/**
 * A workspace's layout route: signed out, its pages ask to sign in and come back to the page asked
 * for; an account with a step pending (a first password, a second factor) goes to its security
 * page first; another role's workspace is not there for this actor.
 */
export function WorkspaceLayout({ workspace }: { workspace: Workspace }) {
  const { actor, pending } = useSession();
  const { pathname, search } = useLocation();
  if (!actor) return <Navigate to={`/login?next=${encodeURIComponent(pathname + search)}`} replace />;
  if (pending.length > 0 && pathname !== SECURITY) return <Navigate to={SECURITY} replace />;
  if (!workspace.roles.includes(actor.role)) return <NotFound />;
  if (actor.role === 'auditor') return <AuditorView />;
  return <Outlet />;
}
