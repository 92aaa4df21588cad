import { describe, expect, it } from 'vitest';
import { nextPage, pageSizeOf } from './url-pagination';

describe('a server-paged list\'s page in the URL', () => {
  it('goes to the page asked for, and back to the first when the page size changes', () => {
    expect(nextPage({ page: 2, pageSize: 10 }, 3, 10)).toEqual({ page: 3, pageSize: 10 });
    expect(nextPage({ page: 4, pageSize: 10 }, 4, 50)).toEqual({ page: 1, pageSize: 50 });
  });

  it('takes a page size from the URL only if the table offers it (the search caps it at 100)', () => {
    expect(pageSizeOf(50)).toBe(50);
    expect(pageSizeOf(1000)).toBe(10);
    expect(pageSizeOf(7)).toBe(10);
  });

});
