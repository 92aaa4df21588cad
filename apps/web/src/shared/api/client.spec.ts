import { describe, expect, it, vi } from 'vitest';

// The API client reads the page's origin on import; these tests run in Node.
vi.hoisted(() => Object.assign(globalThis, { window: { location: { origin: 'http://localhost' } } }));
import { localTitle } from '../i18n/translate';
import { newTraceparent, Problem, ProblemError, traceRequests, unwrap } from './client';

const refusal = async (status: number, body: Partial<Problem>, headers: Record<string, string> = {}): Promise<Problem> => {
  const request = Promise.resolve({ error: body, response: new Response(null, { status, headers }) });
  try {
    await unwrap(request);
  } catch (e) {
    if (e instanceof ProblemError) return e.problem;
  }
  throw new Error('not refused');
};

const limited = { title: '请求过于频繁 / Too many requests', status: 429, code: 'TOO_MANY_REQUESTS' };

describe('a refused request', () => {
  it('a rate limit (429) says when to try again, in the user language', async () => {
    const p = await refusal(429, { ...limited, retryAfterSeconds: 30 }, { 'Retry-After': '30' });
    expect([localTitle('zh-CN', p.title), localTitle('en', p.title), p.retryAfterSeconds]).toEqual(['请求过于频繁，请在 30 秒后重试', 'Too many requests, try again in 30 s', 30]);
  });

  it('takes the wait from Retry-After when the body does not carry it', async () => {
    const p = await refusal(429, limited, { 'Retry-After': '7' });
    expect(localTitle('zh-CN', p.title)).toBe('请求过于频繁，请在 7 秒后重试');
  });

  it("keeps the server's title when no wait is known, and for any other status", async () => {
    expect((await refusal(429, limited)).title).toBe(limited.title);
    expect((await refusal(404, { title: '申请不存在 / Application not found', code: 'NOT_FOUND' }, { 'Retry-After': '7' })).title).toBe('申请不存在 / Application not found');
  });
});

describe('trace context per request', () => {
  it('sends a fresh, well-formed traceparent with each request', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const request = new Request('http://localhost/api/x');
      const sent = (await traceRequests.onRequest!({ request } as never)) as Request;
      const tp = sent.headers.get('traceparent') ?? '';
      expect(tp).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(tp).not.toMatch(/^00-0{32}-|-0{16}-/);
      ids.add(tp.slice(3, 35));
    }
    expect(ids.size).toBe(200);
    expect(newTraceparent()).not.toBe(newTraceparent());
  });
});
