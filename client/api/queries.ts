import { queryOptions, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, getSession } from '../api/http';
import { getBoard, listDisplays } from '../api';
import { listApiTokens, listUnits, listUsers } from './admin';
import { getSettings, listTerms, listUnitDetails } from './plan';
import { listExports } from './reports';

/**
 * The server state the signed-in pages share, one query each, keyed by what it reads: a change
 * invalidates the keys it touches (`useInvalidate`), and every page showing them asks again.
 * Failures are ApiErrors; a 401 is handled once, by the QueryClient (client/app/queryClient.ts).
 */
export const queries = {
  /** The signed-in user; no session is a 401 like any other, so the QueryClient sends it to the login page. */
  session: queryOptions({
    queryKey: ['session'],
    queryFn: async ({ signal }) => {
      const user = await getSession(signal);
      if (user === null) throw new ApiError(401, 'unauthenticated', 'no session');
      return user;
    },
  }),
  board: queryOptions({ queryKey: ['board'], queryFn: ({ signal }) => getBoard({ signal }) }),
  terms: queryOptions({ queryKey: ['terms'], queryFn: ({ signal }) => listTerms(signal) }),
  units: queryOptions({ queryKey: ['units', 'list'], queryFn: ({ signal }) => listUnits(signal) }),
  unitDetails: queryOptions({ queryKey: ['units', 'details'], queryFn: ({ signal }) => listUnitDetails(signal) }),
  users: queryOptions({ queryKey: ['users'], queryFn: ({ signal }) => listUsers(signal) }),
  tokens: queryOptions({ queryKey: ['tokens'], queryFn: ({ signal }) => listApiTokens(signal) }),
  settings: queryOptions({ queryKey: ['settings'], queryFn: ({ signal }) => getSettings(signal) }),
  displays: queryOptions({ queryKey: ['displays'], queryFn: ({ signal }) => listDisplays(signal) }),
  exports: queryOptions({ queryKey: ['exports'], queryFn: ({ signal }) => listExports(signal) }),
};

/** Marks what a change touched as stale: every page that shows it asks again. */
export function useInvalidate(queryKey: QueryKey): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey }), [queryClient, queryKey]);
}
