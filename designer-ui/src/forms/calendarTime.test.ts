import { describe, expect, it } from 'vitest';
import {
  copyDay,
  formatTimeRange,
  isKnownZone,
  localDateTime,
  nextTimeRange,
  normaliseTimeRange,
  overlappingRanges,
  parseTimeRange,
  setDay,
  timeRangeProblem,
  zonedDateTime,
  zoneOffset,
} from './calendarTime';

describe('time ranges', () => {
  it('shouldParseAndFormatCanonicalRanges', () => {
    // given canonical range text
    // when parsed and formatted again
    // then minutes round-trip, 24:00 included as an end
    expect(parseTimeRange('09:00-17:30')).toEqual({ start: 540, end: 1050 });
    expect(parseTimeRange('22:00-24:00')).toEqual({ start: 1320, end: 1440 });
    expect(formatTimeRange({ start: 540, end: 1050 })).toBe('09:00-17:30');
    expect(parseTimeRange('9:00-17:00')).toBeUndefined();
    expect(parseTimeRange('24:00-24:00')).toBeUndefined();
  });

  it('shouldNormaliseLooselyTypedRanges', () => {
    // given ranges as people type them
    // then they become canonical
    expect(normaliseTimeRange('9-17')).toBe('09:00-17:00');
    expect(normaliseTimeRange('9:30 - 17:30')).toBe('09:30-17:30');
    expect(normaliseTimeRange('0930-1730')).toBe('09:30-17:30');
    expect(normaliseTimeRange('9h-17h')).toBe('09:00-17:00');
    expect(normaliseTimeRange('13:00–24:00')).toBe('13:00-24:00');
    // and nonsense stays unrecognised
    expect(normaliseTimeRange('25-26')).toBeUndefined();
    expect(normaliseTimeRange('9:75-10')).toBeUndefined();
    expect(normaliseTimeRange('noon')).toBeUndefined();
  });

  it('shouldExplainWhatIsWrongWithARange', () => {
    expect(timeRangeProblem('09:00-17:00')).toBeUndefined();
    expect(timeRangeProblem('17:00-09:00')).toBe('The end must be after the start.');
    expect(timeRangeProblem('9-5')).toMatch(/^Expected HH:MM-HH:MM/);
  });

  it('shouldFindOverlappingRanges', () => {
    expect(overlappingRanges(['09:00-12:00', '11:00-13:00', '13:00-17:00'])).toEqual([1]);
    expect(overlappingRanges(['09:00-12:00', 'bad', '12:00-13:00'])).toEqual([]);
  });

  it('shouldSuggestTheNextRangeAfterTheLastOne', () => {
    expect(nextTimeRange([])).toBe('09:00-17:00');
    expect(nextTimeRange(['09:00-12:00'])).toBe('13:00-17:00');
    expect(nextTimeRange(['18:00-23:30'])).toBe('23:00-24:00');
  });
});

describe('weekly hours', () => {
  it('shouldCopyMondayToTheWorkdaysInWeekOrderWithoutMutating', () => {
    // given Monday's hours and a Sunday written as closed
    const weekly = Object.freeze({ sun: [], mon: ['09:00-12:00', '13:00-17:00'] });
    // when Monday is copied to Tuesday-Friday
    const after = copyDay(weekly, 'mon', ['tue', 'wed', 'thu', 'fri']);
    // then the days are in week order, each with its own copy
    expect(Object.keys(after)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sun']);
    expect(after.fri).toEqual(['09:00-12:00', '13:00-17:00']);
    expect(after.fri).not.toBe(weekly.mon);
    expect(weekly).toEqual({ sun: [], mon: ['09:00-12:00', '13:00-17:00'] });
  });

  it('shouldKeepAClosedDayAsAnEmptyList', () => {
    expect(setDay({ mon: ['09:00-17:00'] }, 'mon', [])).toEqual({ mon: [] });
    expect(Object.keys(setDay({ sun: [] }, 'sat', ['09:00-13:00']))).toEqual(['sat', 'sun']);
  });
});

describe('preview instants', () => {
  it('shouldWriteAWallClockTimeWithItsZonesOffset', () => {
    // given wall-clock times in New York, in winter and in summer
    // then each gets the offset New York had then
    expect(zonedDateTime('2026-12-24T10:30', 'America/New_York')).toBe('2026-12-24T10:30:00-05:00');
    expect(zonedDateTime('2026-07-01T10:30', 'America/New_York')).toBe('2026-07-01T10:30:00-04:00');
    expect(zonedDateTime('2026-07-01T10:30', 'Asia/Kolkata')).toBe('2026-07-01T10:30:00+05:30');
    expect(zonedDateTime('2026-07-01T10:30', 'UTC')).toBe('2026-07-01T10:30:00+00:00');
  });

  it('shouldUseTheOffsetInForceJustAfterADaylightSavingChange', () => {
    // given 03:30 in Paris on the night clocks go forward (02:00 became 03:00 on 29 March 2026)
    // then the offset is summer time
    expect(zonedDateTime('2026-03-29T03:30', 'Europe/Paris')).toBe('2026-03-29T03:30:00+02:00');
    expect(zonedDateTime('2026-03-29T01:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00+01:00');
  });

  it('shouldRefuseMalformedTimesAndUnknownZones', () => {
    expect(zonedDateTime('2026-12-24', 'Europe/Paris')).toBeUndefined();
    expect(zonedDateTime('2026-12-24T10:30', 'Mars/Olympus')).toBeUndefined();
    expect(isKnownZone('Europe/Paris')).toBe(true);
    expect(isKnownZone('Europe/Pariss')).toBe(false);
  });

  it('shouldShowAnInstantAsAZonesWallClock', () => {
    const instant = Date.UTC(2026, 11, 24, 15, 30);
    expect(localDateTime(instant, 'America/New_York')).toBe('2026-12-24T10:30');
    expect(zoneOffset('Europe/Paris', instant)).toBe('+01:00');
  });
});
