import { useEffect, useLayoutEffect, useState } from 'react';

/** What one save came to: saved, refused field by field, stale (409), or failed otherwise. */
export type SaveOutcome = { kind: 'ok' } | { kind: 'invalid'; count: number } | { kind: 'conflict' } | { kind: 'failed'; title: string };

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'invalid'; count: number }
  | { kind: 'conflict' }
  | { kind: 'failed'; title: string };

/**
 * Debounced autosave of named groups: a change marks its groups dirty and (re)starts the timer;
 * one save runs at a time, changes made meanwhile go in the next one. A refused or failed save
 * keeps its groups dirty (the next change sends them again); a conflict stops saving until reset.
 * Plain state outside React (the hook below holds one per form and shows its status).
 */
export class AutosaveQueue<G extends string> {
  private readonly dirty = new Set<G>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<SaveOutcome> | null = null;
  private conflict = false;
  private last: SaveOutcome = { kind: 'ok' };

  constructor(
    private send: (groups: G[]) => Promise<SaveOutcome>,
    private readonly onStatus: (status: SaveStatus) => void,
    private readonly delay = 1500,
  ) {}

  /** The latest `send` (it reads the form as it is when the save starts). */
  setSend(send: (groups: G[]) => Promise<SaveOutcome>): void {
    this.send = send;
  }

  /** Unsaved changes, or a save on its way: leaving now could lose them. */
  get unsaved(): boolean {
    return this.dirty.size > 0 || this.running !== null;
  }

  change(groups: G[]): void {
    if (!groups.length || this.conflict) return;
    for (const g of groups) this.dirty.add(g);
    if (!this.running) this.onStatus({ kind: 'pending' });
    this.schedule();
  }

  /** Saves what is dirty now (after the save running, if any); the outcome of the last save when nothing is. */
  async flush(): Promise<SaveOutcome> {
    clearTimeout(this.timer);
    while (this.running) await this.running;
    if (this.conflict) return { kind: 'conflict' };
    if (this.dirty.size === 0) return this.last;
    const groups = [...this.dirty];
    this.dirty.clear();
    this.onStatus({ kind: 'saving' });
    const run = this.send(groups).catch((err: unknown): SaveOutcome => ({ kind: 'failed', title: String(err) }));
    this.running = run;
    const outcome = await run;
    this.running = null;
    this.last = outcome;
    if (outcome.kind === 'conflict') {
      this.conflict = true;
      this.onStatus(outcome);
    } else if (outcome.kind !== 'ok') {
      for (const g of groups) this.dirty.add(g);
      this.onStatus(outcome);
    } else if (this.dirty.size) {
      this.onStatus({ kind: 'pending' });
      this.schedule();
    } else {
      this.onStatus({ kind: 'saved', at: new Date() });
    }
    return outcome;
  }

  /** After reloading the saved draft: nothing dirty, saving allowed again. */
  reset(): void {
    clearTimeout(this.timer);
    this.dirty.clear();
    this.conflict = false;
    this.last = { kind: 'ok' };
    this.onStatus({ kind: 'idle' });
  }

  /** Leaving the form: what is still dirty is sent at once (unless stale). */
  leave(): void {
    clearTimeout(this.timer);
    if (this.dirty.size && !this.conflict) void this.flush();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delay);
  }
}

/** An AutosaveQueue for a form: its status as state; the browser asks before a reload loses changes, a route change saves them. */
export function useAutosave<G extends string>(send: (groups: G[]) => Promise<SaveOutcome>, delay = 1500) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [queue] = useState(() => new AutosaveQueue<G>(send, setStatus, delay));
  useLayoutEffect(() => queue.setSend(send), [queue, send]);
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (queue.unsaved) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      queue.leave();
    };
  }, [queue]);
  return { status, queue };
}
