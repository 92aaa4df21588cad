import { QueryClient, useQueryClient } from '@tanstack/react-query';
import createQueryHooks from 'openapi-react-query';
import { useCallback } from 'react';
import { ProblemError, problemApi } from './client';
import type { paths } from './generated/schema';

/**
 * Queries and mutations typed from the gateway's OpenAPI document, cached by TanStack Query:
 * `$api.useQuery('get', '/api/…', { params })`, `$api.useMutation('post', '/api/…')`. The cache key
 * is `[method, path, init]`, so `useInvalidate()('/api/…')` refreshes every query of a path.
 * Every error is a ProblemError (client.ts).
 */
export const $api = createQueryHooks(problemApi);

/** A refusal (4xx) says the same the second time; a network failure or a 5xx may not. */
function retry(failures: number, error: unknown): boolean {
  if (error instanceof ProblemError && error.problem.status >= 400 && error.problem.status < 500) return false;
  return failures < 2;
}

export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Several officers work on one prefecture's cases: data older than half a minute is asked
      // again when a page shows it; a page change within that shows the cache at once.
      queries: { staleTime: 30_000, retry },
      mutations: { retry: false },
    },
  });
}

export type GetPath = { [P in keyof paths]: paths[P] extends { get: unknown } ? P : never }[keyof paths];

/** After a command: every cached GET of these paths (any parameters) is stale and asked again if shown. */
export function useInvalidate(): (...paths: GetPath[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    async (...paths: GetPath[]) => {
      await Promise.all(paths.map((path) => client.invalidateQueries({ queryKey: ['get', path] })));
    },
    [client],
  );
}
