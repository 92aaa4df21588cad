import { describe, expect, it } from 'vitest';
import { reviewStateOf } from './types';

describe('a review list filter in the URL', () => {
  it('takes a review state from the URL only if the search knows it', () => {
    expect(reviewStateOf('REVIEWED')).toBe('REVIEWED');
    expect(reviewStateOf('DRAFT')).toBeUndefined();
    expect(reviewStateOf(undefined)).toBeUndefined();
  });
});
