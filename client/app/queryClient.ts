import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, asApiError } from '../api/http';
import { goToLogin } from '../navigation';

declare module '@tanstack/react-query' {
  interface Register {
    // Every query and mutation fails with an ApiError (client/api.ts): a code the UI translates.
    defaultError: ApiError;
  }
}

/** The one place a session that ended is met: any query or mutation answered 401 goes to the login page. */
function onServerError(caught: unknown): void {
  const error = asApiError(caught);
  if (error.status === 401 && error.code === 'unauthenticated') goToLogin();
}

/**
 * The signed-in app's server state. No retries and no refetch on focus: a failed call is shown
 * at once with its reason (the pages offer "Tải lại"), and what a page polls it says itself.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onServerError }),
    mutationCache: new MutationCache({ onError: onServerError }),
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}
