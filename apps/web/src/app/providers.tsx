import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ReactNode, useState } from 'react';
import { newQueryClient } from '../shared/api/query';
import { SessionProvider } from '../shared/auth/session';
import { I18nProvider, useI18n } from '../shared/i18n/i18n';
import { THEME } from './theme';

function Localized({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** What every page stands on: words, the query cache, the session, antd in the user's language. */
export function Providers({ children }: { children: ReactNode }) {
  const [queries] = useState(newQueryClient);
  return (
    <I18nProvider>
      <QueryClientProvider client={queries}>
        <SessionProvider>
          <Localized>{children}</Localized>
        </SessionProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
