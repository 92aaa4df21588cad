import { asciiJson, metaFromHeaders, metaToHeaders, parseActor } from './headers';

describe('message meta in NATS headers', () => {
  it('round-trips request id, actor (Chinese name kept as 7-bit JSON) and idempotency key', () => {
    const meta = {
      requestId: 'req-1',
      actor: { userId: 'u1', role: 'expert', displayName: '李四', expertId: 'e-9' },
      idempotencyKey: 'k-1',
    };
    const h = metaToHeaders(meta);
    expect(h.get('x-actor')).toMatch(/^[\x20-\x7e]+$/);
    expect(metaFromHeaders(h)).toEqual(meta);
  });

  it('gives a missing request id a fresh one and drops an unreadable actor', () => {
    const h = metaToHeaders({ requestId: 'r' });
    h.delete('x-request-id');
    h.set('x-actor', '{not json');
    const meta = metaFromHeaders(h);
    expect(meta.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(meta.actor).toBeUndefined();
  });

  it('accepts only actors with userId and role, and keeps only known fields', () => {
    expect(parseActor('{"userId":"u"}')).toBeUndefined();
    expect(parseActor(asciiJson({ userId: 'u', role: 'auditor', admin: true }))).toEqual({
      userId: 'u',
      role: 'auditor',
    });
  });
});
