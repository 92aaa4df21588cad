import { Card, Tabs } from 'antd';
import { Link } from 'react-router';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { Registry } from './registry';
import { REGISTRY_DEFAULTS } from '../../features/registry/registry-query';
import { WorkingCalendar } from './working-calendar';
import { Notices } from './notices';
import { PublicSanctions } from './sanctions';

const TABS = ['registry', 'notices', 'sanctions', 'calendar'] as const;

/** The public area: no sign-in needed. The tab is in the URL, and so are the registry's filters and page. */
export function PublicPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchState({ tab: 'registry', ...REGISTRY_DEFAULTS });
  const tab = TABS.find((k) => k === search.tab) ?? 'registry';
  return (
    <Card title={t('app.publicArea')} extra={<Link to="/public/objections/follow">{t('objections.public.link')}</Link>}>
      <Tabs
        activeKey={tab}
        // The registry's filters belong to the registry: switching tabs drops them.
        onChange={(k) => setSearch({ ...REGISTRY_DEFAULTS, tab: k })}
        destroyOnHidden
        items={[
          { key: 'registry', label: t('public.registry.title'), children: <Registry /> },
          { key: 'notices', label: t('notices.tab'), children: <Notices /> },
          { key: 'sanctions', label: t('public.sanctions.title'), children: <PublicSanctions /> },
          { key: 'calendar', label: t('public.calendar.title'), children: <WorkingCalendar /> },
        ]}
      />
    </Card>
  );
}
