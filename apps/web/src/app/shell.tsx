import { Button, Layout, Space, theme, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { useSession } from '../shared/auth/session';
import { useI18n } from '../shared/i18n/i18n';

const { Header, Content } = Layout;
// The menus (antd's Menu and Badge) are the signed-in user's: the public pages do not load them (ADR 0032).
const SideMenu = lazy(async () => ({ default: (await import('./side-menu')).SideMenu }));

function LanguageSwitch({ color }: { color: string }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <Button type="text" style={{ color }} aria-label={t('app.language')} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
      {t('app.language.switch')}
    </Button>
  );
}

function HeaderBar() {
  const { t, tk } = useI18n();
  const { actor, signOut } = useSession();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const color = token.colorTextLightSolid;
  return (
    <Header style={{ display: 'flex', alignItems: 'center', gap: token.margin }}>
      <Typography.Text strong style={{ color, fontSize: token.fontSizeLG, flex: 1 }}>
        {t('app.title')}
      </Typography.Text>
      <Space>
        <Button type="text" style={{ color }} onClick={() => navigate('/public')}>
          {t('app.publicArea')}
        </Button>
        <LanguageSwitch color={color} />
        {actor ? (
          <>
            <Typography.Text style={{ color }} data-testid="current-user">
              {actor.displayName ?? actor.userId}（{tk('role', actor.role)}）
            </Typography.Text>
            <Button type="text" style={{ color }} onClick={() => navigate('/account/security')}>
              {t('app.account')}
            </Button>
            <Button
              onClick={() => {
                // To the sign-in page first (this layout goes with the session), told not to send a
                // signed-in user on; then, once there, the session ends here and in every other tab.
                // Ending it before the navigation lands would send this tab to /login?next=… instead.
                void (async () => {
                  await navigate('/login', { replace: true, state: { signingOut: true } });
                  await signOut();
                })();
              }}
            >{t('app.signOut')}</Button>
          </>
        ) : (
          <Button type="primary" onClick={() => navigate('/login')}>
            {t('app.signIn')}
          </Button>
        )}
      </Space>
    </Header>
  );
}

function SignedInMenu() {
  const { actor, pending } = useSession();
  if (!actor || pending.length > 0) return null;
  return (
    <Suspense fallback={null}>
      <SideMenu />
    </Suspense>
  );
}

/** The frame of every page but sign-in: the header, the menus when signed in, the page. */
export function Shell() {
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <HeaderBar />
      <Layout>
        <SignedInMenu />
        <Content style={{ padding: token.paddingLG, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
