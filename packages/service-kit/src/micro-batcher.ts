/**
 * Gathers calls that arrive close together and runs them as one batch: under load many requests
 * share one transaction and one commit (issue 4, the deadline rush); when idle a call runs at
 * once, alone. At most `maxInFlight` batches run at a time, each of at most `maxItems` calls;
 * what arrives meanwhile waits for the next. `run` answers each item with its result or its own
 * Error; a rejection of the whole batch fails every item in it.
 */
export class MicroBatcher<I, O> {
  private readonly waiting: Array<{ item: I; resolve: (o: O) => void; reject: (e: unknown) => void }> = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly run: (items: I[]) => Promise<Array<O | Error>>,
    private readonly options: { maxItems: number; maxInFlight: number },
  ) {
    if (!(options.maxItems >= 1 && options.maxInFlight >= 1)) throw new Error('MicroBatcher: maxItems and maxInFlight must be ≥ 1');
  }

  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Calls waiting for a batch (for diagnostics). */
  get pending(): number {
    return this.waiting.length;
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight || this.waiting.length === 0) return;
    this.scheduled = true;
    // Calls that arrive in the same turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= this.options.maxInFlight || this.waiting.length === 0) return;
    const batch = this.waiting.splice(0, this.options.maxItems);
    this.inFlight += 1;
    this.schedule(); // more waiting and room for another batch: start it too
    try {
      const results = await this.run(batch.map((b) => b.item));
      batch.forEach((b, i) => {
        const r = results[i];
        if (r instanceof Error) b.reject(r);
        else if (i >= results.length) b.reject(new Error('MicroBatcher: no result for this item'));
        else b.resolve(r);
      });
    } catch (err) {
      for (const b of batch) b.reject(err);
    } finally {
      this.inFlight -= 1;
      this.schedule();
    }
  }
}
