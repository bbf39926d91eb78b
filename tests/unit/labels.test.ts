import { describe, expect, it } from 'vitest';
import { formatStatementDate, getSourceLabel } from '../../src/lib/labels';

describe('statement dates', () => {
  it('say when a source gives only the day it reported the statement', () => {
    expect(formatStatementDate({ date: '2024-01-17', dateReported: false })).toBe('17 January 2024');
    expect(formatStatementDate({ date: '2024-01-17', dateReported: true })).toBe('reported 17 January 2024');
  });
});

describe('source labels', () => {
  it('name the outlet, or the title when there is none', () => {
    expect(getSourceLabel({ outlet: 'ARY News', title: 'Pakistan Army issues statement' })).toBe('ARY News');
    expect(getSourceLabel({ title: 'Joint statement' })).toBe('Joint statement');
  });
});
