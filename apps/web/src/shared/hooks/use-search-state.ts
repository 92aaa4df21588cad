import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

type Value = string | number | boolean | undefined;

/**
 * A list page's filters, sorting and paging, kept in the URL's query string: a reload keeps them,
 * a link shares them, Back undoes a change. `defaults` gives each key and its type (a number, a
 * boolean, a string; `undefined` for an optional string); a value equal to its default is left out
 * of the URL. A malformed number or boolean reads as the default.
 */
export function useSearchState<T extends Record<string, Value>>(defaults: T): [T, (patch: Partial<T>) => void] {
  const [params, setParams] = useSearchParams();
  const key = JSON.stringify(defaults);
  const state = useMemo(() => {
    const out: Record<string, Value> = { ...defaults };
    for (const [k, d] of Object.entries(defaults)) {
      const raw = params.get(k);
      if (raw === null || raw === '') continue;
      if (typeof d === 'number') out[k] = Number.isFinite(Number(raw)) ? Number(raw) : d;
      else if (typeof d === 'boolean') out[k] = raw === 'true' ? true : raw === 'false' ? false : d;
      else out[k] = raw;
    }
    return out as T;
    // `defaults` is compared by value (a literal object is new on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params, key]);
  const set = useCallback(
    (patch: Partial<T>) => {
      setParams((before) => {
        const next = new URLSearchParams(before);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '' || v === (JSON.parse(key) as Record<string, Value>)[k]) next.delete(k);
          else next.set(k, String(v));
        }
        return next;
      });
    },
    [setParams, key],
  );
  return [state, set];
}
