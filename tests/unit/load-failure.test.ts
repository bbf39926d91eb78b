import { describe, expect, it } from 'vitest';
import { ContentError, isSlug } from '../../src/lib/entry-rules';
import { describeLoadFailure, LOAD_FAILURE_ID, throwIfLoadFailed } from '../../src/lib/load-failure';

describe('a content error in dev reaches the pages in the build\'s words', () => {
  const event = { id: '2024-01-18-an-event', data: { title: 'An event' } };

  it('passes the events through when the last load succeeded', () => {
    expect(throwIfLoadFailed([event])).toEqual([event]);
  });

  it('throws the recorded error, naming the file and the field', () => {
    const failure = describeLoadFailure(new ContentError('content/events/2024-01-18-x.md', 'front matter', 'kind: Invalid option'));
    expect(() => throwIfLoadFailed([event, { id: LOAD_FAILURE_ID, data: failure }])).toThrow(
      expect.objectContaining({ name: 'ContentError', message: 'content/events/2024-01-18-x.md: front matter: kind: Invalid option' }),
    );
  });

  it('records the failure under an id no event file can have', () => {
    expect(isSlug(LOAD_FAILURE_ID)).toBe(false);
  });
});
