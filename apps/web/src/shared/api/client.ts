import createClient, { Middleware } from 'openapi-fetch';
import type { paths } from './generated/schema';

/** RFC 9457 problem details as the gateway sends them; `title` is "中文 / English". */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  requestId?: string;
  errors?: Array<{ field: string; message: string }>;
  /** A 429: seconds until the caller may try again. */
  retryAfterSeconds?: number;
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
}

let token: string | null = null;
let onUnauthorized: () => void = () => undefined;

export function setAccessToken(value: string | null): void {
  token = value;
}

export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response, request }) {
    // Only a refusal of the token still in use signs out: a request sent just before a password
    // change (which replaces the token) may come back 401 without meaning the session ended.
    if (response.status === 401 && token && request.headers.get('Authorization') === `Bearer ${token}` && !request.url.endsWith('/api/auth/login')) onUnauthorized();
    return response;
  },
};

/** The typed client: paths, parameters and bodies come from the gateway's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

const NETWORK: Problem = { title: '网络异常，请稍后重试 / Network error, please try again', status: 0, code: 'NETWORK' };

/**
 * The response body, typed by the route's documented success response (the generated client
 * infers it from the path), or a ProblemError carrying the problem details.
 */
export async function unwrap<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch {
    throw new ProblemError(NETWORK);
  }
  if (result.response.ok) return result.data as T;
  const body = result.error as Partial<Problem> | undefined;
  const wait = retryAfter(result.response, body);
  throw new ProblemError({
    // Every page shows the title: a rate limit's says when to try again.
    title: wait ? `请求过于频繁，请在 ${wait} 秒后重试 / Too many requests, try again in ${wait} s` : (body?.title ?? `HTTP ${result.response.status}`),
    status: result.response.status,
    code: body?.code ?? `HTTP_${result.response.status}`,
    detail: body?.detail,
    errors: body?.errors,
    requestId: body?.requestId,
    retryAfterSeconds: wait,
  });
}

/** A 429's wait in seconds: the problem's own field, else the Retry-After header (seconds form). */
function retryAfter(response: Response, body: Partial<Problem> | undefined): number | undefined {
  if (response.status !== 429) return undefined;
  const seconds = body?.retryAfterSeconds ?? Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}
