import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveQueue, SaveOutcome, SaveStatus } from './use-autosave';

/** A send the test answers by hand, one save at a time. */
function server() {
  const calls: Array<{ groups: string[]; answer(o: SaveOutcome): void }> = [];
  const send = (groups: string[]) => new Promise<SaveOutcome>((resolve) => calls.push({ groups, answer: resolve }));
  return { calls, send };
}

describe('the autosave queue', () => {
  let statuses: SaveStatus['kind'][];
  beforeEach(() => {
    vi.useFakeTimers();
    statuses = [];
  });
  afterEach(() => vi.useRealTimers());

  const queueOf = (send: (g: string[]) => Promise<SaveOutcome>) => new AutosaveQueue<string>(send, (s) => statuses.push(s.kind), 1500);

  it('saves the changed groups once the typing pauses, and says so', async () => {
    const s = server();
    const q = queueOf(s.send);
    q.change(['productName']);
    await vi.advanceTimersByTimeAsync(1000);
    q.change(['series']);
    await vi.advanceTimersByTimeAsync(1499);
    expect(s.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.calls.map((c) => c.groups)).toEqual([['productName', 'series']]);
    s.calls[0].answer({ kind: 'ok' });
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses).toEqual(['pending', 'pending', 'saving', 'saved']);
    expect(q.unsaved).toBe(false);
  });

  it('runs one save at a time: a change made meanwhile goes in the next save, none is lost', async () => {
    const s = server();
    const q = queueOf(s.send);
    q.change(['productName']);
    const first = q.flush();
    q.change(['model']);
    expect(q.unsaved).toBe(true);
    // Flushing again waits for the save on its way, then sends what changed since.
    const second = q.flush();
    s.calls[0].answer({ kind: 'ok' });
    await first;
    await vi.advanceTimersByTimeAsync(0);
    expect(s.calls.map((c) => c.groups)).toEqual([['productName'], ['model']]);
    s.calls[1].answer({ kind: 'ok' });
    expect(await second).toEqual({ kind: 'ok' });
  });

  it('keeps refused groups dirty and sends them again with the next change', async () => {
    const s = server();
    const q = queueOf(s.send);
    q.change(['productName']);
    const refused = q.flush();
    s.calls[0].answer({ kind: 'invalid', count: 1 });
    expect(await refused).toEqual({ kind: 'invalid', count: 1 });
    q.change(['series']);
    const again = q.flush();
    expect(s.calls[1].groups.sort()).toEqual(['productName', 'series']);
    s.calls[1].answer({ kind: 'ok' });
    expect(await again).toEqual({ kind: 'ok' });
  });

  it('stops saving after a stale revision (409) until the draft is reloaded', async () => {
    const s = server();
    const q = queueOf(s.send);
    q.change(['firstSale']);
    const stale = q.flush();
    s.calls[0].answer({ kind: 'conflict' });
    expect(await stale).toEqual({ kind: 'conflict' });
    q.change(['model']);
    expect(await q.flush()).toEqual({ kind: 'conflict' });
    expect(s.calls).toHaveLength(1);
    q.reset();
    expect(statuses.at(-1)).toBe('idle');
    q.change(['model']);
    const after = q.flush();
    s.calls[1].answer({ kind: 'ok' });
    expect(await after).toEqual({ kind: 'ok' });
  });

  it('sends what is still dirty when the form is left, after the save on its way', async () => {
    const s = server();
    const q = queueOf(s.send);
    q.change(['productName']);
    void q.flush();
    q.change(['model']);
    q.leave();
    s.calls[0].answer({ kind: 'ok' });
    await vi.advanceTimersByTimeAsync(0);
    expect(s.calls.map((c) => c.groups)).toEqual([['productName'], ['model']]);
  });
});
