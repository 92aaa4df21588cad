import { App as AntApp, Badge, Button, ConfigProvider, Layout, Menu, Result, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ReactNode, Suspense, useEffect } from 'react';
import { Loading } from './components/states';
import { useUnreadNotices } from './components/unread-notices';
import { useSession } from './auth/session';
import { useI18n } from './i18n/i18n';
import { MENUS } from './menus';
import { LoginPage } from './pages/login';
import { PublicPage } from './pages/public';
import { isWorkspacePath, resolveRoute } from './routes';
import { useRouter } from './router';
import { theme } from './shared/ui/theme';

const { Header, Sider, Content } = Layout;

/** An unknown path, signed in or not: said so, with the ways on (never a silent redirect). */
function NotFound() {
  const { t } = useI18n();
  const { actor } = useSession();
  const { navigate } = useRouter();
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

function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <Button type="text" style={{ color: '#fff' }} aria-label={t('app.language')} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
      {t('app.language.switch')}
    </Button>
  );
}

function Shell({ children, menu }: { children: ReactNode; menu?: boolean }) {
  const { t, tk } = useI18n();
  const { actor, signOut } = useSession();
  const { path, navigate } = useRouter();
  const entries = actor ? MENUS[actor.role] : [];
  const unread = useUnreadNotices(entries.some((m) => m.badge === 'unreadNotices'), path);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, flex: 1 }}>
          {t('app.title')}
        </Typography.Text>
        <Space>
          <Button type="text" style={{ color: '#fff' }} onClick={() => navigate('/public')}>
            {t('app.publicArea')}
          </Button>
          <LanguageSwitch />
          {actor ? (
            <>
              <Typography.Text style={{ color: '#fff' }} data-testid="current-user">
                {actor.displayName ?? actor.userId}（{tk('role', actor.role)}）
              </Typography.Text>
              <Button type="text" style={{ color: '#fff' }} onClick={() => navigate('/account/security')}>{t('app.account')}</Button>
              <Button onClick={() => { signOut(); navigate('/login'); }}>{t('app.signOut')}</Button>
            </>
          ) : (
            <Button type="primary" onClick={() => navigate('/login')}>{t('app.signIn')}</Button>
          )}
        </Space>
      </Header>
      <Layout>
        {menu && actor && (
          <Sider width={200} theme="light">
            <nav aria-label={t('app.mainNav')}>
              <Menu
                mode="inline"
                selectedKeys={entries.filter((m) => path === m.path || path.startsWith(`${m.path}/`)).map((m) => m.path)}
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
        )}
        <Content style={{ padding: 24, minWidth: 0 }}>{children}</Content>
      </Layout>
    </Layout>
  );
}

const SECURITY = '/account/security';

function Routes() {
  const { actor, pending } = useSession();
  const { path, navigate } = useRouter();
  // Only a page of the workspaces asks to sign in; an unknown path is a 404 for everyone.
  const needsLogin = isWorkspacePath(path);
  // An account with a step pending (a first password, a second factor) goes to its security page first.
  const held = Boolean(actor) && pending.length > 0;
  useEffect(() => {
    if (held && path !== SECURITY) navigate(SECURITY, { replace: true });
    else if (path === '/') navigate(actor ? '/workspace' : '/public', { replace: true });
    else if (needsLogin && !actor) navigate('/login', { replace: true });
    else if (path === '/login' && actor) navigate('/workspace', { replace: true });
  }, [path, actor, held, needsLogin, navigate]);

  if (path === '/login') return <LoginPage />;
  if (path === '/public') return <Shell><PublicPage /></Shell>;
  if (!actor) return needsLogin || path === '/' ? null : <Shell><NotFound /></Shell>;
  if (held && path !== SECURITY) return null;
  const found = resolveRoute(actor.role, path);
  if (!found) return <Shell menu><NotFound /></Shell>;
  const Page = found.route.page;
  // Keyed by path so a page's state starts afresh when its parameters change.
  return (
    <Shell menu={!held}>
      <Suspense fallback={<Loading />}>
        <Page key={path} {...found.params} />
      </Suspense>
    </Shell>
  );
}

export function App() {
  const { locale } = useI18n();
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme}>
      <AntApp>
        <Routes />
      </AntApp>
    </ConfigProvider>
  );
}
