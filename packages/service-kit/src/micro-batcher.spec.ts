import { MicroBatcher } from './micro-batcher';

const tick = () => new Promise((r) => setImmediate(r));

describe('MicroBatcher', () => {
  it('runs a lone call at once, by itself', async () => {
    const batches: number[][] = [];
    const b = new MicroBatcher<number, number>(async (xs) => (batches.push(xs), xs.map((x) => x * 2)), { maxItems: 10, maxInFlight: 1 });
    await expect(b.add(4)).resolves.toBe(8);
    expect(batches).toEqual([[4]]);
  });

  it('puts calls that arrive while a batch runs into the next one, at most maxItems each, in order', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const b = new MicroBatcher<number, string>(
      async (xs) => {
        batches.push(xs);
        if (batches.length === 1) await gate;
        return xs.map(String);
      },
      { maxItems: 3, maxInFlight: 1 },
    );
    const first = b.add(0);
    await tick();
    const rest = [1, 2, 3, 4, 5].map((x) => b.add(x));
    await tick();
    expect(b.pending).toBe(5);
    release();
    await expect(Promise.all([first, ...rest])).resolves.toEqual(['0', '1', '2', '3', '4', '5']);
    expect(batches).toEqual([[0], [1, 2, 3], [4, 5]]);
  });

  it('fails only the items answered with an Error, and every item when the batch itself fails', async () => {
    const b = new MicroBatcher<number, number>(
      async (xs) => {
        if (xs.includes(99)) throw new Error('batch broke');
        return xs.map((x) => (x < 0 ? new Error(`negative ${x}`) : x));
      },
      { maxItems: 10, maxInFlight: 1 },
    );
    const [ok, bad] = await Promise.allSettled([b.add(1), b.add(-1)]);
    expect(ok).toEqual({ status: 'fulfilled', value: 1 });
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('negative -1') });
    const all = await Promise.allSettled([b.add(2), b.add(99)]);
    expect(all.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('runs up to maxInFlight batches side by side and refuses nonsense options', async () => {
    let running = 0;
    let most = 0;
    const b = new MicroBatcher<number, number>(
      async (xs) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 20));
        running -= 1;
        return xs;
      },
      { maxItems: 1, maxInFlight: 2 },
    );
    await Promise.all([1, 2, 3, 4].map((x) => b.add(x)));
    expect(most).toBe(2);
    expect(() => new MicroBatcher(async () => [], { maxItems: 0, maxInFlight: 1 })).toThrow(/maxItems/);
  });
});
