/** The quiet hours: when they hold the news back, across midnight, and not when off. */
import { describe, expect, it } from 'vitest';
import { isQuietTime } from '@/entrypoints/background/announce/held-news';

describe('quiet hours', () => {
  const quiet = { enabled: true, start: '20:00', end: '07:30' };
  it.each([
    [19 * 60 + 59, false],
    [20 * 60, true],
    [23 * 60, true],
    [7 * 60 + 29, true],
    [7 * 60 + 30, false],
  ])('minute %i: %s', (minute, expected) => {
    expect(isQuietTime(quiet, minute)).toBe(expected);
    expect(isQuietTime({ ...quiet, enabled: false }, minute)).toBe(false);
  });
});
