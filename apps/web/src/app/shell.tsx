import { Badge, Button, Layout, Menu, Space, theme, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useUnreadNotices } from '../features/notices/unread-notices';
import { useSession } from '../shared/auth/session';
import { useI18n } from '../shared/i18n/i18n';
import { menusOf } from './routes';

const { Header, Sider, Content } = Layout;

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

/** The signed-in actor's menus, from the route table; a menu with a badge shows the unread count. */
function SideMenu() {
  const { t } = useI18n();
  const { actor, pending } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const entries = actor && pending.length === 0 ? menusOf(actor.role) : [];
  const unread = useUnreadNotices(entries.some((m) => m.badge === 'unreadNotices'));
  if (entries.length === 0) return null;
  return (
    <Sider width={200} theme="light">
      <nav aria-label={t('app.mainNav')}>
        <Menu
          mode="inline"
          selectedKeys={entries.filter((m) => pathname === m.path || pathname.startsWith(`${m.path}/`)).map((m) => m.path)}
          items={entries.map((m) => ({
            key: m.path,
            label:
              m.badge && unread > 0 ? (
                <Space>
                  {t(m.label)}
                  <Badge count={unread} size="small" aria-label={t('inbox.badge', { count: unread })} data-testid="unread-badge" />
                </Space>
              ) : (
                t(m.label)
              ),
          }))}
          onClick={({ key }) => navigate(key)}
        />
      </nav>
    </Sider>
  );
}

/** The frame of every page but sign-in: the header, the menus when signed in, the page. */
export function Shell() {
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <HeaderBar />
      <Layout>
        <SideMenu />
        <Content style={{ padding: token.paddingLG, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
