import { Problem, ProblemError } from '../api/client';

// A query's error and states without any UI library: the public pages (no antd, ADR 0032) and the
// console's LoadState (states.tsx) both read them.

/** A query's error as problem details (the query layer raises ProblemErrors; anything else is the client's own). */
export function problemOf(error: unknown): Problem | null {
  if (error === null || error === undefined) return null;
  return error instanceof ProblemError ? error.problem : { title: String(error), status: 0, code: 'CLIENT' };
}

/** A query's loading and error states as LoadState's props: `<LoadState {...queryState(q)}>`. */
export function queryState(query: { isPending: boolean; error: unknown; refetch: () => Promise<unknown> }) {
  return { loading: query.isPending, error: problemOf(query.error), onRetry: () => void query.refetch() };
}

/** 404 and 403: the thing is not there or not the caller's; retrying cannot help. */
export const isNotFoundOrForbidden = (error: Problem) => error.status === 404 || error.status === 403;
