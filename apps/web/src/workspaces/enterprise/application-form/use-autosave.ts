import { useCallback, useEffect, useRef, useState } from 'react';

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
 */
export function useAutosave<G extends string>(send: (groups: G[]) => Promise<SaveOutcome>, delay = 1500) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const dirty = useRef(new Set<G>());
  const timer = useRef<number | undefined>(undefined);
  const running = useRef<Promise<SaveOutcome> | null>(null);
  const conflict = useRef(false);
  const last = useRef<SaveOutcome>({ kind: 'ok' });
  const sendRef = useRef(send);
  sendRef.current = send;

  const flush = useCallback(async (): Promise<SaveOutcome> => {
    window.clearTimeout(timer.current);
    while (running.current) await running.current;
    if (conflict.current) return { kind: 'conflict' };
    if (dirty.current.size === 0) return last.current;
    const groups = [...dirty.current];
    dirty.current.clear();
    setStatus({ kind: 'saving' });
    const run = sendRef.current(groups).catch((err: unknown): SaveOutcome => ({ kind: 'failed', title: String(err) }));
    running.current = run;
    const outcome = await run;
    running.current = null;
    last.current = outcome;
    if (outcome.kind === 'conflict') {
      conflict.current = true;
      setStatus(outcome);
    } else if (outcome.kind !== 'ok') {
      for (const g of groups) dirty.current.add(g);
      setStatus(outcome);
    } else if (dirty.current.size) {
      setStatus({ kind: 'pending' });
      timer.current = window.setTimeout(() => void flush(), delay);
    } else {
      setStatus({ kind: 'saved', at: new Date() });
    }
    return outcome;
  }, [delay]);

  const change = useCallback(
    (groups: G[]) => {
      if (!groups.length || conflict.current) return;
      for (const g of groups) dirty.current.add(g);
      if (!running.current) setStatus({ kind: 'pending' });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), delay);
    },
    [delay, flush],
  );

  /** After reloading the saved draft: nothing dirty, saving allowed again. */
  const reset = useCallback(() => {
    window.clearTimeout(timer.current);
    dirty.current.clear();
    conflict.current = false;
    last.current = { kind: 'ok' };
    setStatus({ kind: 'idle' });
  }, []);

  // Leaving the page with unsaved changes: the browser asks first; a route change saves them.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current.size || running.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      window.clearTimeout(timer.current);
      if (dirty.current.size && !conflict.current) void sendRef.current([...dirty.current]);
    };
  }, []);

  return { status, change, flush, reset };
}
