import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { Providers } from './app/providers';
import { createAppRouter } from './app/router';
import { storedLocale } from './shared/i18n/i18n';
import { loadLocale } from './shared/i18n/translate';

const router = createAppRouter();

// An English UI fetches its words first (a zh-CN one has them), so that it never flashes Chinese.
void loadLocale(storedLocale()).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  ),
);
