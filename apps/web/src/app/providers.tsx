import { QueryClientProvider } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { newQueryClient } from '../shared/api/query';
import { SessionProvider } from '../shared/auth/session';
import { I18nProvider } from '../shared/i18n/i18n';

/**
 * What every page stands on: words, the query cache, the session. No antd here: the public pages
 * do without it (ADR 0032); the console's routes add it (antd-providers.tsx).
 */
export function Providers({ children }: { children: ReactNode }) {
  const [queries] = useState(newQueryClient);
  return (
    <I18nProvider>
      <QueryClientProvider client={queries}>
        <SessionProvider>{children}</SessionProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
