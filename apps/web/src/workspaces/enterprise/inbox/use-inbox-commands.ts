import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { components } from '../../../shared/api/generated/schema';
import { $api, useInvalidate } from '../../../shared/api/query';
import { useI18n } from '../../../shared/i18n/i18n';
import { showProblem } from '../../../shared/ui/problem-form';
import { Inbox, withRead } from './read-now';

export type Notice = components['schemas']['NotificationViewV1'];

const INBOX_KEY = ['get', '/api/notifications'] as const;

/**
 * Marking a notice read, shown at once (the summary, the tag, the menu badge) and put back if the
 * server refuses; every page of the inbox is asked again afterwards. Marking all read waits for the
 * server (how many it marked is its answer).
 */
export function useInboxCommands() {
  const { t, title } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const invalidate = useInvalidate();
  const markRead = $api.useMutation('post', '/api/notifications/{id}/read', {
    onMutate: async ({ params }) => {
      await client.cancelQueries({ queryKey: INBOX_KEY });
      const before = client.getQueriesData<Inbox>({ queryKey: INBOX_KEY });
      const now = new Date().toISOString();
      client.setQueriesData<Inbox>({ queryKey: INBOX_KEY }, (inbox) => withRead(inbox, params.path.id, now));
      return { before };
    },
    onError: (_err, _vars, context) => {
      for (const [key, data] of context?.before ?? []) client.setQueryData(key, data);
    },
    onSettled: () => invalidate('/api/notifications'),
  });
  const markAll = $api.useMutation('post', '/api/notifications/read-all', {
    onSuccess: () => invalidate('/api/notifications'),
  });

  /** Marks one unread notice read; false when the server refused (the reason is shown). */
  const read = async (n: Notice, quiet = false): Promise<boolean> => {
    try {
      await markRead.mutateAsync({ params: { path: { id: n.id } } });
      if (!quiet) message.success(t('inbox.markRead.done'));
      return true;
    } catch (err) {
      showProblem(err, title, message);
      return false;
    }
  };

  const readAll = async (): Promise<boolean> => {
    try {
      const r = await markAll.mutateAsync({});
      message.success(t('inbox.markAll.done', { count: r.marked }));
      return true;
    } catch (err) {
      showProblem(err, title, message);
      return false;
    }
  };

  const reading = markRead.isPending ? markRead.variables.params.path.id : null;
  return { read, readAll, reading, readingAll: markAll.isPending };
}
