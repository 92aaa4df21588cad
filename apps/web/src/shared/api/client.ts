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

/**
 * A W3C `traceparent` for one request (ADR 0037): a fresh trace id and parent id, sampled, so the
 * gateway's spans for it share an id the browser chose. No OpenTelemetry web SDK: 24 random bytes.
 */
export function newTraceparent(): string {
  const b = crypto.getRandomValues(new Uint8Array(24));
  // All-zero ids are invalid and would be dropped: one set bit in each rules them out.
  b[15] |= 1;
  b[23] |= 1;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `00-${hex.slice(0, 32)}-${hex.slice(32)}-01`;
}

export const traceRequests: Middleware = {
  onRequest({ request }) {
    request.headers.set('traceparent', newTraceparent());
    return request;
  },
};

/** The typed client: paths, parameters and bodies come from the gateway's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);
api.use(traceRequests);

const NETWORK: Problem = { title: '网络异常，请稍后重试 / Network error, please try again', status: 0, code: 'NETWORK' };

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * The response body, typed by the route's documented success response (the generated client
 * infers it from the path), or a ProblemError carrying the problem details.
 */
export async function unwrap<T>(request: Promise<Result<T>>): Promise<T> {
  const result = await settle(request);
  if (result.error !== undefined) throw result.error;
  return result.data as T;
}

/** A request's result with any failure (network, refusal) as a ProblemError in `error`. */
async function settle<T>(request: Promise<Result<T>>): Promise<Result<T>> {
  let result: Result<T>;
  try {
    result = await request;
  } catch (e) {
    // An aborted request (a query nobody waits for any more) stays an abort for the query cache.
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ProblemError(NETWORK);
  }
  if (result.response.ok) return { ...result, error: undefined };
  return { ...result, error: refusal(result.response, result.error as Partial<Problem> | undefined) };
}

function refusal(response: Response, body: Partial<Problem> | undefined): ProblemError {
  const wait = retryAfter(response, body);
  return new ProblemError({
    // Every page shows the title: a rate limit's says when to try again.
    title: wait ? `请求过于频繁，请在 ${wait} 秒后重试 / Too many requests, try again in ${wait} s` : (body?.title ?? `HTTP ${response.status}`),
    status: response.status,
    code: body?.code ?? `HTTP_${response.status}`,
    detail: body?.detail,
    errors: body?.errors,
    requestId: body?.requestId,
    retryAfterSeconds: wait,
  });
}

/**
 * The typed client for the query cache (`shared/api/query.ts`): the same calls as `api`, whose
 * failures always come back as a ProblemError, so every page handles one kind of error.
 */
export const problemApi: typeof api = new Proxy(api, {
  get(target, method: keyof typeof api) {
    const call = target[method];
    if (typeof call !== 'function' || !/^[A-Z]+$/.test(String(method))) return call;
    return (...args: unknown[]) => settle((call as (...a: unknown[]) => Promise<Result<unknown>>).apply(target, args));
  },
});

/** A 429's wait in seconds: the problem's own field, else the Retry-After header (seconds form). */
function retryAfter(response: Response, body: Partial<Problem> | undefined): number | undefined {
  if (response.status !== 429) return undefined;
  const seconds = body?.retryAfterSeconds ?? Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}
