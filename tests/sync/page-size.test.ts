import { describe, expect, it } from 'vitest';
import { MAX_CHANGES_PER_TRANSACTION } from '../../electron/core/sync/feed-applier';
import { INITIAL_PAGE_SIZE, nextPageSize } from '../../electron/core/sync/page-size';

describe('adaptive feed page size', () => {
  it('halves after a slow page and grows after fast ones, within bounds', () => {
    expect(nextPageSize(100, 80, 100)).toBe(50);
    expect(nextPageSize(100, 5, 100)).toBe(150);
    expect(nextPageSize(100, 20, 100)).toBe(100);
    let size = INITIAL_PAGE_SIZE;
    for (let i = 0; i < 20; i += 1) size = nextPageSize(size, 500, size);
    expect(size).toBe(20);
    for (let i = 0; i < 20; i += 1) size = nextPageSize(size, 1, size);
    expect(size).toBe(MAX_CHANGES_PER_TRANSACTION);
  });

  it('keeps the size when a page brought nothing new', () => {
    expect(nextPageSize(100, 90, 0)).toBe(100);
  });
});
