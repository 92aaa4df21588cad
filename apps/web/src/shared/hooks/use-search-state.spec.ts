import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderStatic } from '../../test-support/static-render';
import { useSearchState } from './use-search-state';

const DEFAULTS = { page: 1, pageSize: 20, unreadOnly: false, state: undefined as string | undefined, sort: 'longest' };

function Probe({ onRead }: { onRead: (v: typeof DEFAULTS) => void }) {
  const [state] = useSearchState(DEFAULTS);
  onRead(state);
  return null;
}

const read = async (path: string) => {
  let seen: typeof DEFAULTS | undefined;
  await renderStatic(() => createElement(Probe, { onRead: (v) => (seen = v) }), { path });
  return seen;
};

describe('a list page state in the URL', () => {
  it('reads each key by the type of its default, and the default where the URL has none', async () => {
    expect(await read('/prefecture/queue?page=3&unreadOnly=true&state=SUBMITTED')).toEqual({ page: 3, pageSize: 20, unreadOnly: true, state: 'SUBMITTED', sort: 'longest' });
    expect(await read('/prefecture/queue')).toEqual(DEFAULTS);
  });

  it('reads a malformed number or boolean as its default', async () => {
    expect(await read('/prefecture/queue?page=abc&unreadOnly=yes&pageSize=')).toEqual(DEFAULTS);
  });
});
