import { Card, Tabs } from 'antd';
import { useSearchState } from '../../shared/hooks/use-search-state';
import { useI18n } from '../../shared/i18n/i18n';
import { Registry } from './registry';
import { REGISTRY_DEFAULTS } from './registry-filter';
import { WorkingCalendar } from './working-calendar';

const TABS = ['registry', 'calendar'] as const;

/** The public area: no sign-in needed. The tab is in the URL, and so are the registry's filters and page. */
export function PublicPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchState({ tab: 'registry', ...REGISTRY_DEFAULTS });
  const tab = TABS.find((k) => k === search.tab) ?? 'registry';
  return (
    <Card title={t('app.publicArea')}>
      <Tabs
        activeKey={tab}
        // The registry's filters belong to the registry: switching tabs drops them.
        onChange={(k) => setSearch({ ...REGISTRY_DEFAULTS, tab: k })}
        destroyOnHidden
        items={[
          { key: 'registry', label: t('public.registry.title'), children: <Registry /> },
          { key: 'calendar', label: t('public.calendar.title'), children: <WorkingCalendar /> },
        ]}
      />
    </Card>
  );
}
