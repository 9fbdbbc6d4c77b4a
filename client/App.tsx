import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { createQueryClient } from './app/queryClient';
import { router } from './app/router';
import { LangContext, type Lang } from './i18n';

/** The signed-in app: its language, its server state (one QueryClient) and its pages (the router). */
export function App({ lang }: { lang: Lang }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <LangContext.Provider value={lang}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </LangContext.Provider>
  );
}
