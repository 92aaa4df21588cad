import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../shared/auth/session';
import { NotFound } from './not-found';
import { SECURITY, Workspace } from './routes';

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
  return <Outlet />;
}
