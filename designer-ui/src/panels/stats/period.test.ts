import { describe, expect, test } from 'vitest';
import { isPeriodKind, periodLabel, periodRange, statsPath } from './period';

const now = new Date('2026-03-04T15:00:00.000Z');

describe('periodRange', () => {
  test('shouldEndARecentPeriodNowAndStartItItsLengthBefore', () => {
    expect(periodRange('1h', now)).toEqual({ ok: true, from: '2026-03-04T14:00:00.000Z', to: '2026-03-04T15:00:00.000Z' });
    expect(periodRange('24h', now)).toEqual({ ok: true, from: '2026-03-03T15:00:00.000Z', to: '2026-03-04T15:00:00.000Z' });
    expect(periodRange('7d', now)).toMatchObject({ from: '2026-02-25T15:00:00.000Z' });
    expect(periodRange('30d', now)).toMatchObject({ from: '2026-02-02T15:00:00.000Z' });
  });

  test('shouldReadACustomPeriodInTheBrowsersTimeZone', () => {
    // Given local dates from datetime-local inputs
    const r = periodRange('custom', now, { from: '2026-03-01T08:00', to: '2026-03-01T18:30' });
    // Then they are the instants the browser means by them
    expect(r).toEqual({ ok: true, from: new Date('2026-03-01T08:00').toISOString(), to: new Date('2026-03-01T18:30').toISOString() });
  });

  test('shouldEndACustomPeriodNowWhenItHasNoEnd', () => {
    expect(periodRange('custom', now, { from: '2026-03-01T08:00', to: '' })).toMatchObject({ ok: true, to: now.toISOString() });
  });

  test('shouldRefuseACustomPeriodWithoutAStartOrEndingBeforeItStarts', () => {
    expect(periodRange('custom', now, { from: '', to: '' })).toEqual({ ok: false, error: 'Choose when the period starts.' });
    expect(periodRange('custom', now, { from: '2026-03-02T08:00', to: '2026-03-01T08:00' }))
      .toEqual({ ok: false, error: 'The period must end after it starts.' });
    expect(periodRange('custom', now, { from: 'soon', to: '' }).ok).toBe(false);
  });
});

describe('statsPath', () => {
  test('shouldPutTheInstantsInTheQueryEncoded', () => {
    const path = statsPath('main-line', 3, { from: '2026-03-03T15:00:00.000Z', to: '2026-03-04T15:00:00.000Z' });
    expect(path).toBe('/api/flows/main-line/versions/3/stats?from=2026-03-03T15%3A00%3A00.000Z&to=2026-03-04T15%3A00%3A00.000Z');
  });
});

describe('periodLabel', () => {
  test('shouldNameRecentPeriodsAndWriteTheEndsOfACustomOne', () => {
    const range = { from: 'a', to: 'b' };
    expect(periodLabel('24h', range)).toBe('last 24 hours');
    expect(periodLabel('custom', range, (s) => s.toUpperCase())).toBe('A – B');
    expect(isPeriodKind('7d')).toBe(true);
    expect(isPeriodKind('1y')).toBe(false);
  });
});
