import { LoginPage } from '../workspaces/public/login';
import { AntdProviders } from './antd-providers';
import { Shell } from './shell';

// The signed-in console and the sign-in page: antd's, loaded only when a route of theirs is
// opened, so that the public pages never fetch antd (ADR 0032).

/** The console's frame (header, menus, the page) inside antd's providers. */
export function Console() {
  return (
    <AntdProviders>
      <Shell />
    </AntdProviders>
  );
}

/** The sign-in page inside antd's providers. */
export function Login() {
  return (
    <AntdProviders>
      <LoginPage />
    </AntdProviders>
  );
}
