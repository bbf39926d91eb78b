import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, hasFilters, isActive, readState, splitExcerpt, writeState } from '../../src/scripts/search-state';

describe('search state in the URL', () => {
  it('reads a shared search', () => {
    expect(readState(new URLSearchParams('q=restraint&country=cn&sort=date'))).toEqual({
      ...EMPTY_STATE,
      q: 'restraint',
      country: 'CN',
      sort: 'date',
    });
  });

  it('writes only what was asked for, and round-trips', () => {
    const state = { ...EMPTY_STATE, q: ' calm and restraint ', speaker: 'Mao Ning', type: 'statement' };
    const query = writeState(state);
    expect(query).toBe('?q=calm+and+restraint&speaker=Mao+Ning&type=statement');
    expect(readState(new URLSearchParams(query))).toEqual({ ...state, q: 'calm and restraint' });
    expect(writeState(EMPTY_STATE)).toBe('');
  });

  it('treats unknown sort orders as relevance', () => {
    expect(readState(new URLSearchParams('sort=random')).sort).toBe('relevance');
  });

  it('knows when a search is asked for', () => {
    expect(isActive(EMPTY_STATE)).toBe(false);
    expect(isActive({ ...EMPTY_STATE, q: '  ' })).toBe(false);
    expect(isActive({ ...EMPTY_STATE, country: 'US' })).toBe(true);
    expect(hasFilters({ ...EMPTY_STATE, q: 'x' })).toBe(false);
  });
});

describe('splitExcerpt', () => {
  it('separates highlighted matches from text', () => {
    expect(splitExcerpt('exercise <mark>restraint</mark> and <mark>calm</mark>.')).toEqual([
      { text: 'exercise ', mark: false },
      { text: 'restraint', mark: true },
      { text: ' and ', mark: false },
      { text: 'calm', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('never turns indexed text into markup', () => {
    const parts = splitExcerpt('a &lt;img src=x onerror=alert(1)&gt; <mark><script></mark>');
    expect(parts).toEqual([
      { text: 'a <img src=x onerror=alert(1)> ', mark: false },
      { text: '<script>', mark: true },
    ]);
  });
});
