import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { $api, useInvalidate } from '../../../shared/api/query';
import type { FormalReviewSheet, ReviewCase } from '../../../shared/api/views';

const SHEET = '/api/preliminary-review/applications/{id}/formal-review';
const sheetInit = (id: string) => ({ params: { path: { id } } });

/** The case with its formal review sheet (M7.4, M12.1): what the review screen shows. */
export function useReviewSheet(id: string) {
  return $api.useQuery('get', SHEET, sheetInit(id));
}

/**
 * After a command on the case: the server's answer is shown at once (a verdict returns the whole
 * sheet, a decision the case), then every view the command changes is asked again: the sheet, the
 * case, the queue and the summary.
 */
export function useCaseChanged(id: string) {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  const refresh = useCallback(
    () =>
      invalidate(
        SHEET,
        '/api/preliminary-review/applications/{id}',
        '/api/preliminary-review/queue',
        '/api/preliminary-review/queue/search',
        '/api/preliminary-review/summaries/{batchId}',
        '/api/preliminary-review/progress/{batchId}',
      ),
    [invalidate],
  );
  const key = $api.queryOptions('get', SHEET, sheetInit(id)).queryKey;
  return {
    sheet: (sheet: FormalReviewSheet) => {
      client.setQueryData(key, sheet);
      void refresh();
    },
    case: (result: ReviewCase) => {
      client.setQueryData(key, (s: FormalReviewSheet | undefined) => (s ? { ...s, case: { ...s.case, ...result } } : s));
      void refresh();
    },
  };
}
