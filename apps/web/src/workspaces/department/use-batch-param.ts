import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The batch a page shows, kept in the URL (`?batch=…`) so a reload or a copied link shows the same
 * batch. The batch select fills in the newest batch when the URL names none: that replaces the
 * history entry (Back does not land on a page that would only pick it again); a reader's own
 * choice adds one. Changing the batch drops `reset` (e.g. the page of a list, an open drawer).
 */
export function useBatchParam(reset: readonly string[] = ['page']): [string | undefined, (id: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const batchId = params.get('batch') || undefined;
  const named = params.has('batch');
  const key = reset.join(',');
  const setBatch = useCallback(
    (id: string | undefined) => {
      setParams(
        (before) => {
          const next = new URLSearchParams(before);
          if (id) next.set('batch', id);
          else next.delete('batch');
          for (const k of key.split(',')) if (k) next.delete(k);
          return next;
        },
        { replace: !named },
      );
    },
    [setParams, named, key],
  );
  return [batchId, setBatch];
}
