import { Badge, Layout, Menu, Space } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useUnreadNotices } from '../features/notices/unread-notices';
import { useSession } from '../shared/auth/session';
import { useI18n } from '../shared/i18n/i18n';
import { menusOf } from './routes';

const { Sider } = Layout;

/** The signed-in actor's menus, from the route table; a menu with a badge shows the unread count. */
export function SideMenu() {
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
